using System.CommandLine;
using System.Globalization;
using LittleRedDot.Content;
using LittleRedDot.Content.Authoring;
using LittleRedDot.Content.Import;
using LittleRedDot.Engine;

namespace LittleRedDot.Cli;

/// <summary>
/// `littlereddot new-level (--from FILE --x COL --y COL | --seed N) … --out FILE` (RULES.md §8): the importer. It reads
/// the tables people have (<see cref="TableImport"/>: delimiters, encodings, decimal commas, no header, gaps, Excel
/// workbooks), designs a level around the points (<see cref="LevelDesigner"/>), says what it assumed and chose, shows
/// the points as played, and writes the level with a normalised CSV beside it — both only once the level checks valid.
/// </summary>
public static class NewLevelVerb
{
    public static Command Create(CliContext context, Option<string?> levels)
    {
        var from = new Option<string?>("--from", "--from-csv") { Description = "A data file: CSV or other delimited text (, ; tab |), in UTF-8, UTF-16 or Windows-1252, or an Excel workbook (.xlsx, .xls).", HelpName = "FILE" };
        var xColumn = new Option<string?>("--x") { Description = "The column for x: a header name, or a number from 1 with --no-header.", HelpName = "COL" };
        var yColumn = new Option<string?>("--y") { Description = "The column for y: a header name, or a number from 1 with --no-header.", HelpName = "COL" };
        var noHeader = new Option<bool>("--no-header") { Description = "The file has no header row: name columns by number (--x 1 --y 2)." };
        var where = new Option<string[]>("--where") { Description = "Keep only rows whose column equals a text, as COL=TEXT (repeatable).", HelpName = "COL=TEXT", AllowMultipleArgumentsPerToken = false };
        var dropIncomplete = new Option<bool>("--drop-incomplete") { Description = "Leave out rows whose x or y is empty, NA, N/A, ?, nan or - (they are listed)." };
        var sheet = new Option<string?>("--sheet") { Description = "A workbook's sheet, by name or number from 1 (default: the first sheet with data).", HelpName = "NAME|N" };
        var delimiter = new Option<string?>("--delimiter") { Description = "The delimiter, when detection guesses wrong: , ; | or tab.", HelpName = "CHAR" };
        delimiter.AcceptOnlyFromAmong(",", ";", "|", "tab");
        var seed = NumberOption.OptionalInteger("--seed", "Make the data instead: points near a line, from this seed.", "N");
        var points = NumberOption.Integer("--points", "With --seed: how many points (2 to 1000).", "N", 16);
        var bothFree = new Option<bool>("--both-free") { Description = "Free both β0 and β1 (a valley map); by default β0 is fixed at 0." };
        var cost = new Option<string>("--cost") { Description = string.Join(" or ", CostNames.All) + ".", DefaultValueFactory = _ => CostNames.All[0], HelpName = "COST" };
        cost.AcceptOnlyFromAmong([.. CostNames.All]);
        var output = new Option<string>("--out") { Description = "The level file to write (*.level.json); the data goes beside it as NAME.csv.", Required = true, HelpName = "FILE" };
        var id = new Option<string?>("--id") { Description = "The level id (default: from the file name).", HelpName = "ID" };
        var title = new Option<string?>("--title") { Description = "The level title.", HelpName = "TEXT" };
        var credits = new Option<string?>("--credits") { Description = "Where the data comes from (shown after \"Data: \").", HelpName = "TEXT" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing level file and its CSV." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read, design, check and show the level, but write nothing." };
        var command = new Command("new-level", "Make a valid level from a data file or a seed; start box, α range, budget, τ and par are designed around the data.")
        {
            from, xColumn, yColumn, noHeader, where, dropIncomplete, sheet, delimiter, seed, points, bothFree, cost, output, id, title, credits, force, dryRun,
        };
        command.SetAction(parse =>
        {
            var target = NewLevelTarget.For(context, parse.GetValue(output)!, parse.GetValue(force));
            var file = parse.GetValue(from);
            var seedValue = parse.GetValue(seed);
            if ((file is null) == (seedValue is null))
            {
                throw new UsageException("give either --from FILE (with --x and --y) or --seed N");
            }

            var costKind = CostNames.Parse(parse.GetValue(cost)) ?? throw new UsageException($"--cost: expected {CostNames.Expected}");
            var levelId = parse.GetValue(id) ?? IdFrom(target.LevelPath);
            NewLevel level;
            byte[]? csv = null;
            if (file is not null)
            {
                var options = new ImportOptions(
                    parse.GetValue(xColumn) ?? throw new UsageException("--x is required with --from"),
                    parse.GetValue(yColumn) ?? throw new UsageException("--y is required with --from"))
                {
                    NoHeader = parse.GetValue(noHeader),
                    Where = ParseWhere(parse.GetValue(where) ?? []),
                    DropIncomplete = parse.GetValue(dropIncomplete),
                    Sheet = parse.GetValue(sheet),
                    Delimiter = parse.GetValue(delimiter) is { } d ? (d == "tab" ? '\t' : d[0]) : null,
                };
                target.RefuseOverwritingSource(file);
                var table = TableImport.Import(SourceFile.Read(context.FileSystem, file), file, options);
                var draft = Design(table.X, table.Y, costKind, parse.GetValue(bothFree));
                csv = NormalisedCsv.ToBytes(table);
                var name = Path.GetFileName(file);
                level = new NewLevel(
                    levelId,
                    parse.GetValue(title) ?? $"{table.YName} against {table.XName}",
                    $"Fresh data: {table.X.Length.ToString(CultureInfo.InvariantCulture)} points of {table.YName} against {table.XName}, from {name}. "
                        + $"Nobody has played this one before: read the valley before you pick α.{TransformStory(draft)}",
                    Hints,
                    parse.GetValue(credits) ?? name,
                    new DataSource { Csv = target.CsvName, XColumn = table.XName, YColumn = table.YName, Where = table.Where },
                    draft);
                NewLevelReport.Imported(context.Out, file, table, target.CsvName);
            }
            else
            {
                if (parse.GetValue(noHeader) || parse.GetValue(dropIncomplete) || parse.GetValue(sheet) is not null || parse.GetValue(delimiter) is not null
                    || parse.GetValue(xColumn) is not null || parse.GetValue(yColumn) is not null || (parse.GetValue(where) ?? []).Length > 0)
                {
                    throw new UsageException("--x, --y, --no-header, --where, --drop-incomplete, --sheet and --delimiter are for --from FILE, not --seed");
                }

                var count = parse.GetValue(points);
                if (count is < 2 or > 1000)
                {
                    throw new UsageException("--points: from 2 to 1000");
                }

                var (xs, ys) = Generate(seedValue!.Value, count);
                var seedText = seedValue.Value.ToString(CultureInfo.InvariantCulture);
                var draft = Design(xs, ys, costKind, parse.GetValue(bothFree));
                level = new NewLevel(
                    levelId,
                    parse.GetValue(title) ?? $"Seed {seedText}",
                    $"Generated data (seed {seedText}): {count.ToString(CultureInfo.InvariantCulture)} points near a line. Find the α that rolls the dot into the valley fastest.{TransformStory(draft)}",
                    Hints,
                    parse.GetValue(credits),
                    new DataSource { Points = xs.Zip(ys).ToArray() },
                    draft);
            }

            NewLevelReport.Design(context.Out, level.Draft);
            return target.WriteChecked(context, context.LevelsRoot(parse.GetValue(levels)), level, csv, parse.GetValue(dryRun));
        });
        return command;
    }

    private static readonly string[] Hints =
    [
        "Above α = 2/λmax the dot flies off; below 1/λmax it glides down without crossing the floor.",
        "The best fixed α is 2/(λmin + λmax): it shrinks the steepest and the shallowest direction alike.",
    ];

    /// <summary>What the story says about shifts and scales: only what was done ("centred" only when x is shifted).</summary>
    private static string TransformStory(LevelDraft draft)
    {
        var parts = new List<string>();
        foreach (var (name, t) in new[] { ("x", draft.X), ("y", draft.Y) })
        {
            var done = (t.IsShifted, t.IsScaled) switch
            {
                (true, true) => $"{name} is centred and scaled: {name}' = ({name} − {DoubleText.RoundTrip(t.Shift)}) / {DoubleText.RoundTrip(t.Scale)}",
                (true, false) => $"{name} is centred: {name}' = {name} − {DoubleText.RoundTrip(t.Shift)}",
                (false, true) => $"{name} is scaled: {name}' = {name} / {DoubleText.RoundTrip(t.Scale)}",
                _ => null,
            };
            if (done is not null)
            {
                parts.Add(done);
            }
        }

        return parts.Count == 0 ? string.Empty : $" To keep the valley playable, {string.Join("; ", parts)}.";
    }

    private static LevelDraft Design(double[] xs, double[] ys, CostKind cost, bool bothFree)
    {
        try
        {
            return LevelDesigner.Design(xs, ys, cost, bothFree);
        }
        catch (DegenerateDataException e)
        {
            // The data was read; no valid level can be made of it: §8 gives "new-level unable to make a valid level" 1.
            throw new CheckFailedException($"cannot make a level from this data: {e.Message}");
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
                throw new UsageException($"--where: expected COL=TEXT, found \"{filter}\"");
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
}
