using System.IO.Abstractions;
using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>
/// Judges level files as RULES.md §3 and §6 define a valid level, for `check-levels` and for the test
/// that every shipped level is valid — one logic for both. A level is valid when it is well-formed, its
/// id is unique under the levels root, every start in its box is above the goal (the exact minimum over
/// the box), and the solver finds a choice reaching the valley within par.
/// </summary>
public sealed class LevelChecker(IFileSystem fileSystem, string levelsRoot)
{
    private readonly LevelCatalog catalog = new(fileSystem, levelsRoot);
    private readonly LevelLoader loader = new(fileSystem, Path.GetFullPath(levelsRoot));

    public string Root => catalog.Root;

    /// <summary>
    /// The level files named by paths or ids: a file stands for itself, a folder for every *.level.json under it
    /// (recursively), a level id for its file under the levels root (RULES.md §8), no path for the whole root.
    /// Names that are none of these come back in <paramref name="missing"/> as errors.
    /// </summary>
    public IReadOnlyList<string> FindLevelFiles(IReadOnlyList<string> paths, out IReadOnlyList<LocatedError> missing)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var problems = new List<LocatedError>();
        missing = problems;
        if (paths.Count == 0)
        {
            return catalog.LevelFilesIn();
        }

        var files = new List<string>();
        LevelLibrary? library = null;
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (fileSystem.Directory.Exists(full))
            {
                files.AddRange(catalog.LevelFilesIn(full));
            }
            else if (fileSystem.File.Exists(full))
            {
                files.Add(full);
            }
            else if (LevelReader.IsId(path) && (library ??= new LevelLibrary(fileSystem, catalog.Root)).PathOf(path) is { } byId)
            {
                files.Add(byId);
            }
            else
            {
                problems.Add(new LocatedError(path, string.Empty, LevelReader.IsId(path)
                    ? $"no such file or folder, and no level with this id under {catalog.Root}; expected a level id, a *.level.json file or a folder of them"
                    : "no such file or folder; expected a level id, a *.level.json file or a folder of them"));
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The malformed or unreadable pack.json of each pack the files lie in (RULES.md §6): a level is played in its pack,
    /// and a pack.json that is not used silently turns a workshop pack into a plain one, so it fails the check too.
    /// </summary>
    public IReadOnlyList<LocatedError> PackErrors(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files
            .Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!)
            .Distinct(StringComparer.Ordinal)
            .Where(folder => fileSystem.File.Exists(Path.Combine(folder, "pack.json")))
            .Select(folder => catalog.FindPack(folder)?.Problem)
            .OfType<LocatedError>()
            .ToArray();
    }

    /// <summary>Checks each file: loads it, runs the solver, and gathers every error.</summary>
    public IReadOnlyList<LevelReport> Check(IReadOnlyList<string> files, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var reports = new List<LevelReport>(files.Count);
        foreach (var file in files)
        {
            cancellation.ThrowIfCancellationRequested();
            reports.Add(CheckOne(file, cancellation));
        }

        return AddDuplicateIds(reports);
    }

    /// <summary>One level file on its own (without the check for duplicate ids, which needs its neighbours).</summary>
    public LevelReport CheckOne(string file, CancellationToken cancellation = default)
    {
        var full = Path.GetFullPath(file);
        LevelSpec spec;
        try
        {
            spec = loader.ReadSpec(full);
        }
        catch (ContentException e)
        {
            return new LevelReport(full, null, null, null, e.Errors, e.IsUnreadable);
        }

        LevelDefinition definition;
        try
        {
            definition = loader.Load(spec);
        }
        catch (ContentException e)
        {
            return new LevelReport(full, spec.Id, null, null, e.Errors);
        }

        var solution = Solver.Solve(definition.Level, cancellation);
        return new LevelReport(full, spec.Id, definition, solution, ValidityErrors(full, definition.Level, solution));
    }

    /// <summary>The reasons of RULES.md §3 a well-formed level is not valid, each saying what would fix it.</summary>
    public static IReadOnlyList<LocatedError> ValidityErrors(string file, Level level, Solution solution)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(solution);
        var errors = new List<LocatedError>();
        var rules = level.Rules;
        var valley = level.Valley;
        var n = (Func<double, string>)DoubleText.RoundTrip;
        if (!solution.StartsOutsideGoal)
        {
            var s = solution.ClosestStart;
            errors.Add(new LocatedError(
                file,
                "$.tolerance",
                $"a start in the box is already in the goal: from β0 = {n(s.Beta0)}, β1 = {n(s.Beta1)} the gap is {n(s.Gap)} ≤ τ = {n(rules.Tolerance)}. "
                + $"Every start must be farther from the valley floor (β0* = {n(valley.Beta0Star)}, β1* = {n(valley.Beta1Star)}): move the start ranges away from it, or lower τ"));
        }

        if (!solution.ParAchievable)
        {
            var message = !solution.Complete
                ? $"no choice found reaches the valley within par ({rules.Par} steps), and the search was cut short: in exact arithmetic many choices reach, "
                  + $"but the engine's runs stall a few rounding errors away from the floor. τ = {n(rules.Tolerance)} is probably finer than doubles can resolve near β*; raise τ"
                : solution is { Best: { } best, BestRun: { } run }
                ? $"no choice found reaches the valley within par ({rules.Par} steps): the best, α = {n(best.Alpha)} from β0 = {n(best.Beta0)}, β1 = {n(best.Beta1)}, takes {run.Steps} steps. Raise par to at least {run.Steps}, or widen the α range or the start box"
                : $"no choice found reaches the valley (gap ≤ τ = {n(rules.Tolerance)}) within the budget of {rules.Budget} steps, so par ({rules.Par}) cannot be achieved. Raise the budget, widen the α range towards 2/(λmin + λmax) = {n(level.Curvature.BestAlpha)}, start nearer the valley or raise τ";
            errors.Add(new LocatedError(file, "$.par", message));
        }

        return errors;
    }

    /// <summary>The error of a level file whose id other level files use too (RULES.md §6), as `check-levels` and `serve` say it.</summary>
    public static LocatedError DuplicateId(string path, string id, IEnumerable<string> others) =>
        new(path, "$.id", $"the id \"{id}\" is also used by {string.Join(", ", others)}; level ids must be unique under the levels folder");

    /// <summary>
    /// Level ids are unique under a levels root (RULES.md §6). Each checked level is compared with every level
    /// file under the root (when it lies there) and with the other checked files; both ends of a clash are told.
    /// </summary>
    private List<LevelReport> AddDuplicateIds(List<LevelReport> reports)
    {
        var owners = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Own(string id, string path)
        {
            if (!owners.TryGetValue(id, out var paths))
            {
                owners[id] = paths = new SortedSet<string>(StringComparer.Ordinal);
            }

            paths.Add(path);
        }

        foreach (var r in reports)
        {
            if (r.Id is not null)
            {
                Own(r.Id, r.Path);
            }
        }

        if (fileSystem.Directory.Exists(catalog.Root) && reports.Any(r => SafePath.IsInside(r.Path, catalog.Root)))
        {
            var checkedPaths = reports.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
            foreach (var file in catalog.LevelFilesIn())
            {
                if (checkedPaths.Contains(file))
                {
                    continue;
                }

                try
                {
                    Own(loader.ReadSpec(file).Id, file);
                }
                catch (ContentException)
                {
                    // A malformed neighbour that was not asked about names no id; it is not this check's to report.
                }
            }
        }

        return reports.Select(r =>
        {
            if (r.Id is null || owners[r.Id].Count < 2)
            {
                return r;
            }

            return r with { Errors = [.. r.Errors, DuplicateId(r.Path, r.Id, owners[r.Id].Where(p => p != r.Path))] };
        }).ToList();
    }
}
