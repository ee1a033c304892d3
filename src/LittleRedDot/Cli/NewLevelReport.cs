using System.Globalization;
using LittleRedDot.Content.Authoring;
using LittleRedDot.Content.Import;
using LittleRedDot.Engine;

namespace LittleRedDot.Cli;

/// <summary>
/// What new-level tells the facilitator, every figure computed from this import and design: rows read, kept and
/// dropped (with their lines), what was assumed about the file, the shifts and scales and why, and a preview — the
/// points as played, the α range, budget and par, and the reader's choice par came from.
/// </summary>
public static class NewLevelReport
{
    /// <summary>The preview's plot size in characters.</summary>
    public const int PlotWidth = 48;

    public const int PlotHeight = 12;

    public static void Imported(TerminalWriter o, string file, ImportedTable table, string csvName)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(table);
        o.WriteLine($"read {CliContext.Shorten(Path.GetFullPath(file))}: {string.Join(", ", table.Assumed)}");
        var kept = TableImport.Rows(table.X.Length);
        var parts = new List<string> { $"{TableImport.Rows(table.RowsRead)} read", $"{kept} kept" };
        if (table.LeftOut > 0)
        {
            parts.Add($"{TableImport.Rows(table.LeftOut)} left out by --where");
        }

        if (table.Dropped.Length > 0)
        {
            parts.Add($"{TableImport.Rows(table.Dropped.Length)} dropped for a gap in x or y ({TableImport.Lines(table.LineWord, table.Dropped)})");
        }

        o.WriteLine($"  {string.Join(", ", parts)}");
        var where = table.Where.Count == 0 ? string.Empty : " where " + string.Join(", ", table.Where.Select(w => $"{w.Key} = \"{w.Value}\""));
        o.WriteLine($"  x = column \"{table.XName}\", y = column \"{table.YName}\"{where}; written to {csvName} (',' and '.', UTF-8)");
    }

    public static void Design(TerminalWriter o, LevelDraft draft)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(draft);
        o.WriteLine($"  {draft.X.Why}");
        o.WriteLine($"  {draft.Y.Why}");
    }

    /// <summary>The points as played, and the rules a player meets.</summary>
    public static void Preview(TerminalWriter o, Level level, LevelDraft draft)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(draft);
        var data = level.Data;
        var rules = level.Rules;
        var xs = data.X.ToArray();
        var ys = data.Y.ToArray();
        var (xMin, xMax) = (xs.Min(), xs.Max());
        var (yMin, yMax) = (ys.Min(), ys.Max());
        var grid = new char[PlotHeight, PlotWidth];
        for (var r = 0; r < PlotHeight; r++)
        {
            for (var c = 0; c < PlotWidth; c++)
            {
                grid[r, c] = ' ';
            }
        }

        for (var i = 0; i < xs.Length; i++)
        {
            var c = Cell(xs[i], xMin, xMax, PlotWidth);
            var r = PlotHeight - 1 - Cell(ys[i], yMin, yMax, PlotHeight);
            grid[r, c] = grid[r, c] == ' ' ? '·' : grid[r, c] == '·' ? '•' : '●';
        }

        var yTop = Short(yMax);
        var yBottom = Short(yMin);
        var margin = Math.Max(yTop.Length, yBottom.Length);
        o.WriteLine($"preview: {xs.Length.ToString(CultureInfo.InvariantCulture)} points as played (x' across, y' up; · one point, • two, ● more)");
        for (var r = 0; r < PlotHeight; r++)
        {
            var label = r == 0 ? yTop : r == PlotHeight - 1 ? yBottom : string.Empty;
            var row = new char[PlotWidth];
            for (var c = 0; c < PlotWidth; c++)
            {
                row[c] = grid[r, c];
            }

            o.WriteLine($"  {label.PadLeft(margin)} │{new string(row).TrimEnd()}");
        }

        var xLeft = Short(xMin);
        var xRight = Short(xMax);
        o.WriteLine($"  {new string(' ', margin)} └{new string('─', PlotWidth)}");
        o.WriteLine($"  {new string(' ', margin)}  {xLeft}{xRight.PadLeft(Math.Max(1, PlotWidth - xLeft.Length))}");
        var curvature = level.Curvature;
        o.WriteLine($"  α in [{DoubleText.RoundTrip(rules.AlphaMin)}, {DoubleText.RoundTrip(rules.AlphaMax)}] (the dot flies off above {(rules.Beta0.IsFree && rules.Beta1.IsFree ? "2/λmax" : "2/λ")} = {Short(curvature.StableAlpha)}); "
            + $"budget {rules.Budget.ToString(CultureInfo.InvariantCulture)}, par {rules.Par.ToString(CultureInfo.InvariantCulture)}, τ = {DoubleText.RoundTrip(rules.Tolerance)}");
        o.WriteLine($"  {HowParWasSet(rules, draft.ParChoice)}");
    }

    /// <summary>One sentence: the reader's choice par comes from, or that none reaches and the solver set it.</summary>
    public static string HowParWasSet(LevelRules rules, ReadableChoice? choice)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (choice is null)
        {
            return "par: no round α read off the curvature reaches the valley within the budget, so par rests on finer choices (the solver's best)";
        }

        var run = choice.Run;
        var start = Start(rules, choice.Choice);
        var verdict = run.Steps <= rules.Par
            ? $"par {rules.Par.ToString(CultureInfo.InvariantCulture)} leaves {(rules.Par - run.Steps).ToString(CultureInfo.InvariantCulture)} to spare"
            : $"par {rules.Par.ToString(CultureInfo.InvariantCulture)} asks for more: only a finer α or start earns three stars";
        return $"par: α = {DoubleText.RoundTrip(choice.Choice.Alpha)} ({choice.Landmark} = {Short(choice.LandmarkValue)}, rounded down to one digit) from {start} "
            + $"reaches in {run.Steps.ToString(CultureInfo.InvariantCulture)} {(run.Steps == 1 ? "step" : "steps")}; {verdict}";
    }

    private static string Start(LevelRules rules, Choice choice) => (rules.Beta0.IsFree, rules.Beta1.IsFree) switch
    {
        (true, true) => $"β0 = {DoubleText.RoundTrip(choice.Beta0)}, β1 = {DoubleText.RoundTrip(choice.Beta1)}",
        (true, false) => $"β0 = {DoubleText.RoundTrip(choice.Beta0)}",
        _ => $"β1 = {DoubleText.RoundTrip(choice.Beta1)}",
    };

    private static int Cell(double v, double min, double max, int cells) =>
        max > min ? Math.Clamp((int)((v - min) / (max - min) * (cells - 1) + 0.5), 0, cells - 1) : cells / 2;

    /// <summary>Four significant digits, for labels (the exact values are in the files).</summary>
    private static string Short(double value) => DoubleText.Significant(value, 4);
}
