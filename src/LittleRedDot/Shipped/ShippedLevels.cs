using System.IO.Abstractions;
using System.IO.Abstractions.TestingHelpers;
using System.Reflection;

namespace LittleRedDot.Shipped;

/// <summary>
/// The shipped packs (the repository's levels/), carried inside the program as embedded resources so that one
/// file is the whole game. They appear as the folder levels/ beside the program — the default levels root of
/// README "Configuration" — read through the same <see cref="IFileSystem"/> as any levels folder; --levels and
/// LittleRedDot:Levels still point at a folder on disk. The folder is read-only: nothing is written to it.
/// </summary>
public static class ShippedLevels
{
    /// <summary>Resource names are "levels/" and the path under levels/ with '/' separators (see LittleRedDot.csproj).</summary>
    public const string ResourcePrefix = "levels/";

    /// <summary>Where the packs appear: levels/ beside the program.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "levels");

    /// <summary>The disk, with <see cref="Folder"/> served from the resources of this program.</summary>
    public static IFileSystem Over(IFileSystem disk) =>
        new OverlayFileSystem(disk, Folder, () => InMemory(typeof(ShippedLevels).Assembly, Folder));

    /// <summary>An in-memory file system holding every resource under <see cref="ResourcePrefix"/> at its path under <paramref name="folder"/>.</summary>
    public static IFileSystem InMemory(Assembly assembly, string folder)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var files = new MockFileSystem(new MockFileSystemOptions { CreateDefaultTempDir = false });
        files.AddDirectory(folder);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            var relative = name[ResourcePrefix.Length..].Split('/', '\\');
            files.AddFile(Path.Combine([folder, .. relative]), new MockFileData(bytes));
        }

        return files;
    }
}
