using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LittleRedDot.Content;
using LittleRedDot.Content.Authoring;
using LittleRedDot.Engine;

namespace LittleRedDot.Cli;

/// <summary>
/// `littlereddot check-levels [PATH|ID…] [--json]` (RULES.md §3, §6, §8): for each level, valid or every
/// located error; the valley, its curvature and what they mean for α; the smallest starting gap against τ;
/// and the best choice the solver finds — so an author learns which α and start would win.
/// Exit 1 when any level is malformed or invalid, or its pack's pack.json is; 2 for a PATH that does not exist or cannot be read.
/// </summary>
public static class CheckLevelsVerb
{
    public static Command Create(CliContext context, Option<string?> levels)
    {
        var paths = new Argument<string[]>("PATH|ID")
        {
            Description = "Level ids under the levels folder, level files, or folders searched recursively for *.level.json (default: the levels folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object per level: id, path, valid, errors, points, minimumCost, valleyBeta0, valleyBeta1, "
                + "lambdaMin, lambdaMax, bounceAlpha, stableAlpha, condition, best { alpha, beta0, beta1, steps }, parAchievable, minStartGap, "
                + "readable { alpha, beta0, beta1, steps } (a round α read off the curvature, from an end or the middle of a start range; null when none reaches).",
        };
        var command = new Command("check-levels", "Validate levels and show the valley, its curvature and the best choice found.") { paths, json };
        command.SetAction(parse =>
        {
            var checker = new LevelChecker(context.FileSystem, context.LevelsRoot(parse.GetValue(levels)));
            var named = parse.GetValue(paths) ?? [];
            if (named.Length == 0 && !context.FileSystem.Directory.Exists(checker.Root))
            {
                throw new ContentException(new LocatedError(checker.Root, string.Empty, "the levels folder does not exist; give one with --levels DIR or name level files")) { IsUnreadable = true };
            }

            // An unknown option lands among the PATHs (they may be anything); say what it is rather than "no such file".
            foreach (var path in named)
            {
                if (path.StartsWith('-') && !context.FileSystem.File.Exists(path) && !context.FileSystem.Directory.Exists(path))
                {
                    throw new UsageException($"unknown option {path}; see 'littlereddot check-levels --help'");
                }
            }

            var files = checker.FindLevelFiles(named, out var missing);
            context.PrintErrors(missing);
            var reports = checker.Check(files, context.Cancellation);
            var packErrors = checker.PackErrors(files);
            context.PrintErrors(packErrors);
            if (parse.GetValue(json))
            {
                WriteJson(context.Out, reports);
            }
            else
            {
                WriteText(context.Out, reports, LevelsOption(context, checker.Root));
                if (files.Count == 0 && missing.Count == 0)
                {
                    context.Error.WriteLine("warning: no *.level.json files found");
                }
            }

            context.Out.Flush();
            var exit = missing.Count > 0 || reports.Any(r => r.IsUnreadable) ? ExitCodes.BadInput : ExitCodes.Success;
            return reports.Any(r => !r.IsValid) || packErrors.Count > 0 ? ExitCodes.Worst(exit, ExitCodes.CheckFailed) : exit;
        });
        return command;
    }

    /// <summary>
    /// What `run` needs to find a level by its id: nothing under the default levels root; else `--levels` with the
    /// root checked here when the level lies in it, or with the level's own folder (a pack folder, RULES.md §8).
    /// </summary>
    private static Func<string, string> LevelsOption(CliContext context, string checkedRoot)
    {
        var defaultRoot = Path.GetFullPath(context.LevelsRoot(null));
        return levelPath =>
        {
            var full = Path.GetFullPath(levelPath);
            if (IsUnder(full, defaultRoot))
            {
                return string.Empty;
            }

            var root = IsUnder(full, checkedRoot) ? checkedRoot : Path.GetDirectoryName(full)!;
            return " --levels " + ShellWord(CliContext.Shorten(root));
        };
    }

    private static bool IsUnder(string path, string root)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative != path && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    /// <summary>A path as one word a POSIX shell reads back unchanged: single-quoted unless it is plain.</summary>
    private static string ShellWord(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or '+' or ',' or ':' or '@' or '%')
            ? text
            : "'" + text.Replace("'", "'\''", StringComparison.Ordinal) + "'";

    private static void WriteText(TerminalWriter output, IReadOnlyList<LevelReport> reports, Func<string, string> levelsOption)
    {
        foreach (var r in reports)
        {
            WriteLevel(output, r, levelsOption);
            output.WriteLine();
        }

        var valid = reports.Count(r => r.IsValid);
        var malformed = reports.Count(r => !r.IsWellFormed);
        var invalid = reports.Count - valid - malformed;
        output.WriteLine($"{reports.Count} {(reports.Count == 1 ? "level" : "levels")}: {valid} valid, {invalid} invalid, {malformed} malformed");
    }

    private static void WriteLevel(TerminalWriter o, LevelReport r, Func<string, string> levelsOption)
    {
        var shown = CliContext.Shorten(r.Path);
        if (r.Definition is not { } definition || r.Solution is not { } solution)
        {
            o.WriteLine($"{shown}: MALFORMED");
            WriteErrors(o, r);
            return;
        }

        var level = definition.Level;
        var rules = level.Rules;
        var valley = level.Valley;
        var curvature = level.Curvature;
        o.WriteLine($"{shown}: {(r.IsValid ? "valid" : "INVALID")}");
        o.WriteLine($"  {definition.Id}: \"{definition.Title}\"");
        WriteErrors(o, r);
        o.WriteLine($"  data: {valley.N.ToString(CultureInfo.InvariantCulture)} points, cost {CostNames.Name(rules.Cost)}; "
            + $"budget {rules.Budget.ToString(CultureInfo.InvariantCulture)} steps, par {rules.Par.ToString(CultureInfo.InvariantCulture)}, goal gap ≤ τ = {G(rules.Tolerance)}");
        o.WriteLine($"  valley floor: {Floor(rules, valley)}, J* = {G(valley.MinimumCost)}");
        if (rules.Beta0.IsFree && rules.Beta1.IsFree)
        {
            o.WriteLine($"  curvature: λmin = {G(curvature.LambdaMin)}, λmax = {G(curvature.LambdaMax)}, κ = λmax/λmin = {G(curvature.Condition)}"
                + (curvature.Condition > 100 ? " (a long, narrow valley)" : string.Empty));
            o.WriteLine($"    the dot bounces across the floor above α = 1/λmax = {G(curvature.BounceAlpha)} and flies off above 2/λmax = {G(curvature.StableAlpha)};");
            o.WriteLine($"    the best fixed α, 2/(λmin + λmax) = {G(curvature.BestAlpha)}, shrinks the steepest and the shallowest directions alike");
        }
        else
        {
            var free = rules.Beta1.IsFree ? "β1" : "β0";
            o.WriteLine($"  curvature: λ = {G(curvature.LambdaMax)} (only {free} moves); the dot lands on the floor in one step at α = 1/λ = {G(curvature.BounceAlpha)},");
            o.WriteLine($"    bounces across it above that and flies off above 2/λ = {G(curvature.StableAlpha)}");
        }

        o.WriteLine($"  α range [{G(rules.AlphaMin)}, {G(rules.AlphaMax)}]; starts {Box(rules)}");
        var s = solution.ClosestStart;
        o.WriteLine($"  nearest start to the floor: {Start(rules, s.Beta0, s.Beta1)}, gap {G(s.Gap)} {(solution.StartsOutsideGoal ? ">" : "≤")} τ = {G(rules.Tolerance)}: "
            + (solution.StartsOutsideGoal ? "no start is already in the goal" : "a start is already in the goal"));
        if (solution is { Best: { } best, BestRun: { } run })
        {
            var verdict = solution.ParAchievable ? "achievable" : "NOT achievable";
            o.WriteLine($"  best found: α ≈ {G(best.Alpha)} from {Start(rules, best.Beta0, best.Beta1)} reaches in {Steps(run.Steps)}, {run.Bounces.ToString(CultureInfo.InvariantCulture)} "
                + $"{(run.Bounces == 1 ? "bounce" : "bounces")} (par {rules.Par.ToString(CultureInfo.InvariantCulture)}): {verdict}");
            o.WriteLine($"    try: littlereddot run {definition.Id}{levelsOption(r.Path)} --alpha {R(best.Alpha)}{Option("--beta0", rules.Beta0, best.Beta0)}{Option("--beta1", rules.Beta1, best.Beta1)}");
        }
        else
        {
            o.WriteLine($"  best found: no choice reaches the valley within the budget ({rules.Budget.ToString(CultureInfo.InvariantCulture)} steps)");
        }

        o.WriteLine($"  {NewLevelReport.HowParWasSet(rules, ReadableChoice.Find(level))}");
        if (!solution.Complete)
        {
            o.WriteLine($"  note: the search was cut short after {solution.Runs.ToString(CultureInfo.InvariantCulture)} confirming runs: forecasts in exact arithmetic and the engine's doubles disagree here (is τ finer than doubles resolve?)");
        }
    }

    private static void WriteErrors(TerminalWriter o, LevelReport r)
    {
        foreach (var e in r.Errors)
        {
            var file = e.File == r.Path ? string.Empty : CliContext.Shorten(e.File) + ": ";
            var where = e.Location.Length > 0 ? e.Location + ": " : string.Empty;
            o.WriteLine($"  error: {file}{where}{e.Message}");
        }
    }

    private static string Floor(LevelRules rules, Valley valley)
    {
        var b0 = rules.Beta0.IsFixed ? $"β0 = {G(valley.Beta0Star)} (fixed)" : $"β0* = {G(valley.Beta0Star)}";
        var b1 = rules.Beta1.IsFixed ? $"β1 = {G(valley.Beta1Star)} (fixed)" : $"β1* = {G(valley.Beta1Star)}";
        return $"{b0}, {b1}";
    }

    private static string Box(LevelRules rules) => $"{Range("β0", rules.Beta0)}, {Range("β1", rules.Beta1)}";

    private static string Range(string name, ParameterRule rule) =>
        rule.IsFixed ? $"{name} fixed at {G(rule.Value)}"
        : rule.Min == rule.Max ? $"{name} = {G(rule.Min)}"
        : $"{name} in [{G(rule.Min)}, {G(rule.Max)}]";

    /// <summary>A start in words, naming only what the player picks (the free parameters).</summary>
    private static string Start(LevelRules rules, double beta0, double beta1) => (rules.Beta0.IsFree, rules.Beta1.IsFree) switch
    {
        (true, true) => $"β0 = {G(beta0)}, β1 = {G(beta1)}",
        (true, false) => $"β0 = {G(beta0)}",
        _ => $"β1 = {G(beta1)}",
    };

    private static string Option(string option, ParameterRule rule, double value) =>
        rule.IsFree && rule.Min != rule.Max ? $" {option} {R(value)}" : string.Empty;

    private static string Steps(int steps) => steps == 1 ? "1 step" : $"{steps.ToString(CultureInfo.InvariantCulture)} steps";

    /// <summary>A number to read: six significant digits, written as every number is (1.1e-5, not 1.1E-05).</summary>
    private static string G(double value) => DoubleText.Significant(value, 6);

    /// <summary>A number to type back in: the shortest text that reads back to the same double.</summary>
    private static string R(double value) => DoubleText.RoundTrip(value);

    private static void WriteJson(TerminalWriter output, IReadOnlyList<LevelReport> reports)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonNumbers.WriterOptions))
        {
            w.WriteStartArray();
            foreach (var r in reports)
            {
                WriteJsonLevel(w, r);
            }

            w.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteJsonLevel(Utf8JsonWriter w, LevelReport r)
    {
        w.WriteStartObject();
        if (r.Id is null)
        {
            w.WriteNull("id");
        }
        else
        {
            w.WriteString("id", r.Id);
        }

        w.WriteString("path", r.Path);
        w.WriteBoolean("valid", r.IsValid);
        w.WriteStartArray("errors");
        foreach (var e in r.Errors)
        {
            w.WriteStringValue(e.ToString());
        }

        w.WriteEndArray();
        var level = r.Definition?.Level;
        var solution = r.Solution;
        if (level is null || solution is null)
        {
            foreach (var name in (string[])["points", "minimumCost", "valleyBeta0", "valleyBeta1", "lambdaMin", "lambdaMax", "bounceAlpha", "stableAlpha", "condition", "best", "readable", "parAchievable", "minStartGap"])
            {
                w.WriteNull(name);
            }

            w.WriteEndObject();
            return;
        }

        var valley = level.Valley;
        var curvature = level.Curvature;
        w.WriteNumber("points", valley.N);
        JsonNumbers.Write(w, "minimumCost", valley.MinimumCost);
        JsonNumbers.Write(w, "valleyBeta0", valley.Beta0Star);
        JsonNumbers.Write(w, "valleyBeta1", valley.Beta1Star);
        JsonNumbers.Write(w, "lambdaMin", curvature.LambdaMin);
        JsonNumbers.Write(w, "lambdaMax", curvature.LambdaMax);
        JsonNumbers.Write(w, "bounceAlpha", curvature.BounceAlpha);
        JsonNumbers.Write(w, "stableAlpha", curvature.StableAlpha);
        JsonNumbers.Write(w, "condition", curvature.Condition);
        if (solution is { Best: { } best, BestRun: { } run })
        {
            w.WriteStartObject("best");
            JsonNumbers.Write(w, "alpha", best.Alpha);
            JsonNumbers.Write(w, "beta0", best.Beta0);
            JsonNumbers.Write(w, "beta1", best.Beta1);
            w.WriteNumber("steps", run.Steps);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("best");
        }

        if (ReadableChoice.Find(level) is { } readable)
        {
            w.WriteStartObject("readable");
            JsonNumbers.Write(w, "alpha", readable.Choice.Alpha);
            JsonNumbers.Write(w, "beta0", readable.Choice.Beta0);
            JsonNumbers.Write(w, "beta1", readable.Choice.Beta1);
            w.WriteNumber("steps", readable.Run.Steps);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("readable");
        }

        w.WriteBoolean("parAchievable", solution.ParAchievable);
        JsonNumbers.Write(w, "minStartGap", solution.MinStartGap);
        w.WriteEndObject();
    }
}
