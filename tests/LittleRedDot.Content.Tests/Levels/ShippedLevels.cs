using System.IO.Abstractions;
using LittleRedDot.Content;

namespace LittleRedDot.Content.Tests.Levels;

/// <summary>
/// The levels/ folder of this repository, found by walking up from the test assembly to the solution, and
/// every level in it checked once by <see cref="LevelChecker"/> — the logic `check-levels` runs.
/// </summary>
public sealed class ShippedLevels
{
    public ShippedLevels()
    {
        Root = FindRoot();
        Checker = new LevelChecker(new FileSystem(), Root);
        Files = Checker.FindLevelFiles([], out _);
        Reports = Checker.Check(Files);
    }

    public string Root { get; }

    public LevelChecker Checker { get; }

    public IReadOnlyList<string> Files { get; }

    public IReadOnlyList<LevelReport> Reports { get; }

    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LittleRedDot.sln")) && Directory.Exists(Path.Combine(dir.FullName, "levels")))
            {
                return Path.Combine(dir.FullName, "levels");
            }
        }

        throw new DirectoryNotFoundException($"no LittleRedDot.sln with a levels/ folder above {AppContext.BaseDirectory}");
    }

    /// <summary>Level files relative to the root, for test names.</summary>
    public static TheoryData<string> RelativeFiles()
    {
        var root = FindRoot();
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(root, "*.level.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }
}
