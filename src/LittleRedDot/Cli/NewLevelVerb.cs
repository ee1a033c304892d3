using System.CommandLine;
using System.Globalization;
using LittleRedDot.Content;
using LittleRedDot.Content.Authoring;
using LittleRedDot.Engine;

namespace LittleRedDot.Cli;

/// <summary>
/// `littlereddot new-level (--from-csv FILE --x COL --y COL | --seed N) [--both-free] [--cost mse|half-mse] --out FILE`:
/// a valid level from today's data, so nobody in the room has the answer in advance (issue 6).
/// </summary>
public static class NewLevelVerb
{
    public static Command Create(CliContext context, Option<string?> levels)
    {
        var fromCsv = new Option<string?>("--from-csv") { Description = "A CSV file with a header row; it is copied beside the level.", HelpName = "FILE" };
        var xColumn = new Option<string?>("--x") { Description = "The CSV column for x.", HelpName = "COL" };
        var yColumn = new Option<string?>("--y") { Description = "The CSV column for y.", HelpName = "COL" };
        var where = new Option<string[]>("--where") { Description = "Keep only rows whose column equals a text, as COL=TEXT (repeatable).", HelpName = "COL=TEXT", AllowMultipleArgumentsPerToken = false };
        var seed = new Option<int?>("--seed") { Description = "Make the data instead: points near a line, from this seed.", HelpName = "N" };
        var points = new Option<int>("--points") { Description = "With --seed: how many points (2 to 1000).", DefaultValueFactory = _ => 16, HelpName = "N" };
        var bothFree = new Option<bool>("--both-free") { Description = "Free both β0 and β1 (a valley map); by default β0 is fixed at 0." };
        var cost = new Option<string>("--cost") { Description = string.Join(" or ", CostNames.All) + ".", DefaultValueFactory = _ => CostNames.All[0], HelpName = "COST" };
        cost.AcceptOnlyFromAmong([.. CostNames.All]);
        var output = new Option<string>("--out") { Description = "The level file to write (*.level.json).", Required = true, HelpName = "FILE" };
        var id = new Option<string?>("--id") { Description = "The level id (default: from the file name).", HelpName = "ID" };
        var title = new Option<string?>("--title") { Description = "The level title.", HelpName = "TEXT" };
        var credits = new Option<string?>("--credits") { Description = "Where the data comes from.", HelpName = "TEXT" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing level file." };
        var command = new Command("new-level", "Make a valid level from a CSV or a seed; start box, α range, budget, τ and par come from the solver.")
        {
            fromCsv, xColumn, yColumn, where, seed, points, bothFree, cost, output, id, title, credits, force,
        };
        command.SetAction(parse =>
        {
            var fs = context.FileSystem;
            var outPath = Path.GetFullPath(parse.GetValue(output)!);
            if (!outPath.EndsWith(LevelCatalog.LevelSuffix, StringComparison.Ordinal))
            {
                throw new UsageException($"--out: a level file's name ends in {LevelCatalog.LevelSuffix}, so that packs find it");
            }

            if (fs.File.Exists(outPath) && !parse.GetValue(force))
            {
                throw new UsageException($"--out: {TextSafety.Escape(CliContext.Shorten(outPath))} exists; add --force to overwrite it");
            }

            var csv = parse.GetValue(fromCsv);
            var seedValue = parse.GetValue(seed);
            if ((csv is null) == (seedValue is null))
            {
                throw new UsageException("give either --from-csv FILE (with --x and --y) or --seed N");
            }

            var costKind = CostNames.Parse(parse.GetValue(cost)) ?? throw new UsageException($"--cost: expected {CostNames.Expected}");
            var levelId = parse.GetValue(id) ?? IdFrom(outPath);
            var copied = (string?)null;
            NewLevel level;
            double[] xs, ys;
            if (csv is not null)
            {
                var x = parse.GetValue(xColumn) ?? throw new UsageException("--x is required with --from-csv");
                var y = parse.GetValue(yColumn) ?? throw new UsageException("--y is required with --from-csv");
                var filter = ParseWhere(parse.GetValue(where) ?? []);
                var bytes = ReadCsv(context, csv);
                (xs, ys) = CsvColumns.Read(bytes, csv, x, y, filter);
                var name = Path.GetFileName(csv);
                var target = Path.Combine(Path.GetDirectoryName(outPath)!, name);
                if (!string.Equals(Path.GetFullPath(csv), target, StringComparison.Ordinal))
                {
                    if (fs.File.Exists(target) && !fs.File.ReadAllBytes(target).AsSpan().SequenceEqual(bytes))
                    {
                        throw new UsageException($"{TextSafety.Escape(CliContext.Shorten(target))} exists with other data; remove it or write the level elsewhere");
                    }

                    if (!fs.File.Exists(target))
                    {
                        AtomicFile.Write(fs, target, bytes);
                        copied = target;
                    }
                }

                var draft = Design(xs, ys, costKind, parse.GetValue(bothFree));
                var scaled = draft.XShift != 0 || draft.XScale != 1 || draft.YShift != 0 || draft.YScale != 1;
                level = new NewLevel(
                    levelId,
                    parse.GetValue(title) ?? $"{y} against {x}",
                    $"Fresh data: {xs.Length} points of {y} against {x}, from {name}. Nobody has played this one before: read the valley before you pick α."
                        + (scaled ? " The data is centred and scaled (xShift, xScale, yShift, yScale) so that the valley is round enough to play." : string.Empty),
                    Hints,
                    parse.GetValue(credits) ?? $"Data: {name}",
                    new DataSource { Csv = name, XColumn = x, YColumn = y, Where = filter },
                    draft);
            }
            else
            {
                var count = parse.GetValue(points);
                if (count is < 2 or > 1000)
                {
                    throw new UsageException("--points: from 2 to 1000");
                }

                (xs, ys) = Generate(seedValue!.Value, count);
                var draft = Design(xs, ys, costKind, parse.GetValue(bothFree));
                level = new NewLevel(
                    levelId,
                    parse.GetValue(title) ?? $"Seed {seedValue.Value.ToString(CultureInfo.InvariantCulture)}",
                    $"Generated data (seed {seedValue.Value.ToString(CultureInfo.InvariantCulture)}): {count} points near a line. Find the α that rolls the dot into the valley fastest.",
                    Hints,
                    parse.GetValue(credits),
                    new DataSource { Points = xs.Zip(ys).ToArray() },
                    draft);
            }

            return WriteChecked(context, levels, parse, outPath, level, copied);
        });
        return command;
    }

    private static readonly string[] Hints =
    [
        "Above α = 2/λmax the dot flies off; below 1/λmax it glides down without crossing the floor.",
        "The best fixed α is 2/(λmin + λmax): it shrinks the steepest and the shallowest direction alike.",
    ];

    private static int WriteChecked(CliContext context, Option<string?> levels, ParseResult parse, string outPath, NewLevel level, string? copied)
    {
        var bytes = LevelFileWriter.ToBytes(level);
        var loader = new LevelLoader(context.FileSystem, context.LevelsRoot(parse.GetValue(levels)));
        Solution solution;
        try
        {
            // The level is checked exactly as check-levels would read it from disk.
            var definition = loader.Load(LevelReader.Read(bytes, outPath));
            solution = Solver.Solve(definition.Level);
        }
        catch (ContentException e)
        {
            RemoveCopy(context, copied);
            context.PrintErrors(e.Errors);
            return ExitCodes.CheckFailed;
        }

        if (UsedElsewhere(context, loader, outPath, level.Id) is { } other)
        {
            RemoveCopy(context, copied);
            context.Error.WriteLine($"error: the id \"{level.Id}\" is already used by {TextSafety.Escape(CliContext.Shorten(other))}; level ids are unique under the levels folder, give another with --id");
            return ExitCodes.CheckFailed;
        }

        if (!solution.IsValid || solution.Best is not { } best)
        {
            RemoveCopy(context, copied);
            context.Error.WriteLine("error: could not make a valid level from this data (no choice reaches the valley within par); try --both-free, another cost or other columns");
            return ExitCodes.CheckFailed;
        }

        AtomicFile.Write(context.FileSystem, outPath, bytes);
        var rules = level.Draft.Rules;
        context.Out.WriteLine($"wrote {TextSafety.Escape(CliContext.Shorten(outPath))}: level \"{level.Id}\", valid");
        context.Out.WriteLine($"  α in [{DoubleText.RoundTrip(rules.AlphaMin)}, {DoubleText.RoundTrip(rules.AlphaMax)}], budget {rules.Budget}, par {rules.Par}, τ = {DoubleText.RoundTrip(rules.Tolerance)}");
        context.Out.WriteLine($"  the solver reaches in {solution.BestRun!.Steps} steps (α = {DoubleText.RoundTrip(best.Alpha)}); check it with: littlereddot check-levels {TextSafety.Escape(CliContext.Shorten(outPath))}");
        return ExitCodes.Success;
    }

    /// <summary>
    /// Another level file under the levels root with this id, when the new level lies under that root too — check-levels
    /// would call both invalid (§6: ids are unique under a levels root). Null when there is none.
    /// </summary>
    private static string? UsedElsewhere(CliContext context, LevelLoader loader, string outPath, string id)
    {
        if (loader.LevelsRoot is not { } root || !context.FileSystem.Directory.Exists(root))
        {
            return null;
        }

        var relative = Path.GetRelativePath(Path.GetFullPath(root), outPath);
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        foreach (var file in new LevelCatalog(context.FileSystem, root).LevelFilesIn())
        {
            try
            {
                if (file != outPath && loader.ReadSpec(file).Id == id)
                {
                    return file;
                }
            }
            catch (ContentException)
            {
                // A malformed neighbour names no id.
            }
        }

        return null;
    }

    private static LevelDraft Design(double[] xs, double[] ys, CostKind cost, bool bothFree)
    {
        try
        {
            return LevelDesigner.Design(xs, ys, cost, bothFree);
        }
        catch (DegenerateDataException e)
        {
            throw new UsageException($"cannot make a level from this data: {e.Message}");
        }
    }

    private static byte[] ReadCsv(CliContext context, string path)
    {
        var info = context.FileSystem.FileInfo.New(path);
        if (!info.Exists)
        {
            throw new UsageException($"--from-csv: {TextSafety.Escape(path)}: file not found");
        }

        if (info.Length > CsvColumns.MaxBytes)
        {
            throw new UsageException($"--from-csv: {TextSafety.Escape(path)} is {info.Length:N0} bytes; at most {CsvColumns.MaxBytes:N0} are read");
        }

        try
        {
            return BoundedFile.Read(context.FileSystem, path, CsvColumns.MaxBytes)
                ?? throw new UsageException($"--from-csv: {TextSafety.Escape(path)} does not end where its size says (is it a device?) or holds more than {CsvColumns.MaxBytes:N0} bytes");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--from-csv: {TextSafety.Escape(path)} cannot be read ({e.Message})");
        }
    }

    private static Dictionary<string, string> ParseWhere(string[] filters)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var filter in filters)
        {
            var eq = filter.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException($"--where: expected COL=TEXT, found \"{TextSafety.Escape(filter)}\"");
            }

            result[filter[..eq]] = filter[(eq + 1)..];
        }

        return result;
    }

    /// <summary>Points near a line with a seeded slope, intercept and noise, rounded to two decimals so the file reads well.</summary>
    private static (double[] X, double[] Y) Generate(int seed, int count)
    {
        var random = new Random(seed);
        var slope = Math.Round((random.NextDouble() * 6) - 3, 1);
        slope = Math.Abs(slope) < 0.5 ? slope + 1 : slope;
        var intercept = Math.Round((random.NextDouble() * 10) - 5, 1);
        var xs = new double[count];
        var ys = new double[count];
        for (var i = 0; i < count; i++)
        {
            xs[i] = Math.Round(random.NextDouble() * 10, 2);
            var noise = (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 1.5;
            ys[i] = Math.Round(intercept + (slope * xs[i]) + noise, 2);
        }

        return (xs, ys);
    }

    private static string IdFrom(string path)
    {
        var name = Path.GetFileName(path)[..^LevelCatalog.LevelSuffix.Length].ToLowerInvariant();
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var id = new string(chars).Trim('-');
        return id.Length == 0 ? "new-level" : id[..Math.Min(64, id.Length)];
    }

    private static void RemoveCopy(CliContext context, string? copied)
    {
        if (copied is not null)
        {
            context.FileSystem.File.Delete(copied);
        }
    }
}
