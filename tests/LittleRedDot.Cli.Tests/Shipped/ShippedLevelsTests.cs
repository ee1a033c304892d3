using System.IO.Abstractions;
using LittleRedDot.Cli.Tests.TestSupport;
using LittleRedDot.Content;
using LittleRedDot.Shipped;

namespace LittleRedDot.Cli.Tests.Shipped;

/// <summary>
/// The packs carried inside the program (issue 13). The oracle is the repository's levels/ folder read from
/// disk: the embedded copy must hold the same files byte for byte and load to the same levels, and the overlay
/// must leave every path outside its folder to the disk.
/// </summary>
public sealed class ShippedLevelsTests : IDisposable
{
    private readonly FileSystem disk = new();
    private readonly IFileSystem shipped = ShippedLevels.Over(new FileSystem());
    private readonly LevelsFolder elsewhere = new();

    public void Dispose() => elsewhere.Dispose();

    private static string RepositoryLevels
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LittleRedDot.sln")))
                {
                    return Path.Combine(dir.FullName, "levels");
                }
            }

            throw new DirectoryNotFoundException("the repository root (LittleRedDot.sln) is not above the test output");
        }
    }

    [Fact]
    public void The_embedded_folder_holds_exactly_the_repository_levels_byte_for_byte()
    {
        var expected = Directory.GetFiles(RepositoryLevels, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryLevels, f)).Order(StringComparer.Ordinal).ToArray();
        var actual = shipped.Directory.GetFiles(ShippedLevels.Folder, "*", new EnumerationOptions { RecurseSubdirectories = true })
            .Select(f => Path.GetRelativePath(ShippedLevels.Folder, f)).Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        foreach (var file in expected)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryLevels, file)), shipped.File.ReadAllBytes(Path.Combine(ShippedLevels.Folder, file)));
        }
    }

    [Fact]
    public void The_embedded_packs_load_to_the_same_levels_as_the_folder_on_disk()
    {
        // Oracle: the same catalog and loader reading the repository's folder from disk; the level hash (RULES.md §6)
        // covers every rule and every point as played, so equal hashes mean equal levels.
        var fromDisk = new LevelLibrary(disk, RepositoryLevels);
        var fromInside = new LevelLibrary(shipped, ShippedLevels.Folder);
        var packsOnDisk = fromDisk.Catalog.Packs();
        var packsInside = fromInside.Catalog.Packs();

        Assert.Equal(packsOnDisk.Select(p => (p.Name, p.Title, p.Workshop)), packsInside.Select(p => (p.Name, p.Title, p.Workshop)));
        var ids = packsOnDisk.SelectMany(p => p.LevelFiles).Select(f => fromDisk.Loader.ReadSpec(f).Id).ToArray();
        Assert.Equal(20, ids.Length); // the shipped packs hold 20 levels (levels/, four packs)
        foreach (var id in ids)
        {
            Assert.Equal(fromDisk.Find(id)!.Sha256, fromInside.Find(id)!.Sha256);
        }
    }

    [Fact]
    public void Paths_outside_the_folder_are_the_disk()
    {
        var library = new LevelLibrary(shipped, elsewhere.Root);

        Assert.Equal(["t-01", "t-fixed", "t-point"], library.Catalog.Packs().Single().LevelFiles.Select(f => library.Loader.ReadSpec(f).Id));
        Assert.True(shipped.File.Exists(elsewhere.Combine("levels", "pack", "t-01.level.json")));
        Assert.False(shipped.Directory.Exists(Path.Combine(ShippedLevels.Folder, "no-such-pack")));
        Assert.False(shipped.File.Exists(ShippedLevels.Folder + "-not-inside.json"));
    }

    [Fact]
    public void Without_levels_the_verbs_read_the_embedded_packs()
    {
        // Oracle: the same verb given the repository's folder explicitly; the only difference is the folder's path.
        var inside = InProcess.Run(shipped, "check-levels", "--json");
        var onDisk = InProcess.Run(disk, "check-levels", "--json", "--levels", RepositoryLevels);

        Assert.Equal(0, inside.Exit);
        Assert.Equal(onDisk.Out.Replace(RepositoryLevels, ShippedLevels.Folder, StringComparison.Ordinal), inside.Out);
    }
}
