using CsCheck;
using Xunit.Sdk;

namespace LittleRedDot.Engine.Tests.Oracles;

/// <summary>
/// CsCheck properties on a fixed seed: the same cases on every run and every machine (a property test that passes
/// or fails by luck is no test), still many of them. A failure names its case's CsCheck seed, so
/// <c>gen.Sample(property, seed: "…")</c> generates the same case first and shrinks it.
/// </summary>
public static class Property
{
    /// <summary>CsCheck's own default number of cases.</summary>
    public const long DefaultIter = 100;

    /// <summary>Checks <paramref name="property"/> on <paramref name="iter"/> cases drawn from <paramref name="gen"/>, starting from <paramref name="seed"/>.</summary>
    /// <exception cref="XunitException">The property threw or returned false on a case: its number, its CsCheck seed and its value.</exception>
    public static void Holds<T>(this Gen<T> gen, Func<T, bool> property, ulong seed, long iter = DefaultIter)
    {
        ArgumentNullException.ThrowIfNull(gen);
        ArgumentNullException.ThrowIfNull(property);
        var pcg = new PCG(1, seed);
        for (var i = 1; i <= iter; i++)
        {
            var caseSeed = pcg.ToString();
            var value = gen.Generate(pcg, null, out _);
            Exception? error = null;
            bool holds;
            try
            {
                holds = property(value);
            }
            catch (Exception e)
            {
                (holds, error) = (false, e);
            }

            if (!holds)
            {
                throw new XunitException(
                    $"The property fails on case {i} of {iter} from seed {seed}; CsCheck seed \"{caseSeed}\" draws it again (Sample(…, seed: \"{caseSeed}\") shrinks it). The case: {Check.Print(value)}" + (error is null ? string.Empty : $" — {error.Message}"),
                    error);
            }
        }
    }

    public static void Holds<T>(this Gen<T> gen, Action<T> property, ulong seed, long iter = DefaultIter)
    {
        ArgumentNullException.ThrowIfNull(property);
        gen.Holds(
            t =>
            {
                property(t);
                return true;
            },
            seed,
            iter);
    }

    public static void Holds<T1, T2>(this Gen<(T1, T2)> gen, Action<T1, T2> property, ulong seed, long iter = DefaultIter) =>
        gen.Holds(t => property(t.Item1, t.Item2), seed, iter);

    public static void Holds<T1, T2>(this Gen<(T1, T2)> gen, Func<T1, T2, bool> property, ulong seed, long iter = DefaultIter) =>
        gen.Holds(t => property(t.Item1, t.Item2), seed, iter);

    public static void Holds<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> property, ulong seed, long iter = DefaultIter) =>
        gen.Holds(t => property(t.Item1, t.Item2, t.Item3), seed, iter);

    public static void Holds<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Func<T1, T2, T3, bool> property, ulong seed, long iter = DefaultIter) =>
        gen.Holds(t => property(t.Item1, t.Item2, t.Item3), seed, iter);

    public static void Holds<T1, T2, T3, T4>(this Gen<(T1, T2, T3, T4)> gen, Action<T1, T2, T3, T4> property, ulong seed, long iter = DefaultIter) =>
        gen.Holds(t => property(t.Item1, t.Item2, t.Item3, t.Item4), seed, iter);

    public static void Holds<T1, T2, T3, T4>(this Gen<(T1, T2, T3, T4)> gen, Func<T1, T2, T3, T4, bool> property, ulong seed, long iter = DefaultIter) =>
        gen.Holds(t => property(t.Item1, t.Item2, t.Item3, t.Item4), seed, iter);

    public static void Holds<T1, T2, T3, T4, T5>(this Gen<(T1, T2, T3, T4, T5)> gen, Action<T1, T2, T3, T4, T5> property, ulong seed, long iter = DefaultIter) =>
        gen.Holds(t => property(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5), seed, iter);

    public static void Holds<T1, T2, T3, T4, T5>(this Gen<(T1, T2, T3, T4, T5)> gen, Func<T1, T2, T3, T4, T5, bool> property, ulong seed, long iter = DefaultIter) =>
        gen.Holds(t => property(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5), seed, iter);

    public static void Holds<T1, T2, T3, T4, T5, T6>(this Gen<(T1, T2, T3, T4, T5, T6)> gen, Action<T1, T2, T3, T4, T5, T6> property, ulong seed, long iter = DefaultIter) =>
        gen.Holds(t => property(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6), seed, iter);

    public static void Holds<T1, T2, T3, T4, T5, T6>(this Gen<(T1, T2, T3, T4, T5, T6)> gen, Func<T1, T2, T3, T4, T5, T6, bool> property, ulong seed, long iter = DefaultIter) =>
        gen.Holds(t => property(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6), seed, iter);

    public static void Holds<T1, T2, T3, T4, T5, T6, T7>(this Gen<(T1, T2, T3, T4, T5, T6, T7)> gen, Action<T1, T2, T3, T4, T5, T6, T7> property, ulong seed, long iter = DefaultIter) =>
        gen.Holds(t => property(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7), seed, iter);

    public static void Holds<T1, T2, T3, T4, T5, T6, T7>(this Gen<(T1, T2, T3, T4, T5, T6, T7)> gen, Func<T1, T2, T3, T4, T5, T6, T7, bool> property, ulong seed, long iter = DefaultIter) =>
        gen.Holds(t => property(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7), seed, iter);
}
