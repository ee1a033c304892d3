#!/usr/bin/env python3
"""The numpy side of the performance comparison (issue 7): batch gradient descent by RULES.md on a
CSV level, the way a vectorised script would do it — load with numpy.loadtxt, then a loop of
vectorised steps, checking the gap each step. Prints one JSON line like `run --json` (a subset).

usage: numpy_descent.py CSV ALPHA BETA0 BETA1 BUDGET TOLERANCE
"""
import json
import sys

import numpy as np


def main():
    path, alpha, b0, b1, budget, tol = sys.argv[1], *map(float, sys.argv[2:5]), int(sys.argv[5]), float(sys.argv[6])
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    x, y = data[:, 0], data[:, 1]
    n = float(len(x))
    # The valley in closed form (both parameters free, mse).
    xbar, ybar = x.mean(), y.mean()
    s1 = ((x - xbar) * (y - ybar)).sum() / ((x - xbar) ** 2).sum()
    s0 = ybar - s1 * xbar
    jstar = ((s0 + s1 * x - y) ** 2).sum() / n

    def cost(c0, c1):
        r = c0 + c1 * x - y
        return (r @ r) / n

    gap0 = cost(b0, b1) - jstar
    outcome, k = "out-of-steps", 0
    while k < budget:
        k += 1
        r = b0 + b1 * x - y
        g0 = 2.0 * r.sum() / n
        g1 = 2.0 * (r @ x) / n
        b0, b1 = b0 - alpha * g0, b1 - alpha * g1
        gap = cost(b0, b1) - jstar
        if not np.isfinite(gap) or gap > 1e6 * gap0:
            outcome = "diverged"
            break
        if gap <= tol:
            outcome = "reached"
            break
    print(json.dumps({"outcome": outcome, "steps": k, "finalBeta0": b0, "finalBeta1": b1, "gap": gap}))


if __name__ == "__main__":
    main()
