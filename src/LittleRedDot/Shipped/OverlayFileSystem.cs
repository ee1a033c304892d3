using System.IO.Abstractions;

namespace LittleRedDot.Shipped;

/// <summary>
/// The disk, except for one folder whose files are served from another file system (the packs carried inside
/// the program, see <see cref="ShippedLevels"/>). Only the reads the Content layer makes of a levels folder are
/// routed — File.Exists, File.OpenRead, File.ReadAllBytes, Directory.Exists, Directory.GetDirectories and
/// Directory.GetFiles with enumeration options, FileInfo.New — so a levels root inside the folder reads exactly
/// as a folder on disk would; every other call, and every path outside the folder, goes to the disk unchanged.
/// </summary>
public sealed class OverlayFileSystem : FileSystemBase
{
    private readonly IFileSystem disk;
    private readonly string folder;
    private readonly Lazy<IFileSystem> inside;

    /// <param name="disk">Where every path outside <paramref name="folder"/> goes.</param>
    /// <param name="folder">A full path; it and everything under it are served by <paramref name="inside"/>.</param>
    /// <param name="inside">Made on first use, so a verb that never reads the folder never builds it.</param>
    public OverlayFileSystem(IFileSystem disk, string folder, Func<IFileSystem> inside)
    {
        this.disk = disk;
        this.folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        this.inside = new Lazy<IFileSystem>(inside);
        File = new OverlayFile(this);
        Directory = new OverlayDirectory(this);
        FileInfo = new OverlayFileInfoFactory(this);
    }

    public override IDirectory Directory { get; }

    public override IFile File { get; }

    public override IFileInfoFactory FileInfo { get; }

    public override IFileVersionInfoFactory FileVersionInfo => disk.FileVersionInfo;

    public override IFileStreamFactory FileStream => disk.FileStream;

    public override IPath Path => disk.Path;

    public override IDirectoryInfoFactory DirectoryInfo => disk.DirectoryInfo;

    public override IDriveInfoFactory DriveInfo => disk.DriveInfo;

    public override IFileSystemWatcherFactory FileSystemWatcher => disk.FileSystemWatcher;

    public override IRandomAccess RandomAccess => disk.RandomAccess;

    /// <summary>The file system that serves <paramref name="path"/>.</summary>
    public IFileSystem For(string? path) => Inside(path) ? inside.Value : disk;

    private bool Inside(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        var full = System.IO.Path.GetFullPath(path);
        return full.StartsWith(folder, StringComparison.Ordinal)
            && (full.Length == folder.Length || full[folder.Length] == System.IO.Path.DirectorySeparatorChar || full[folder.Length] == System.IO.Path.AltDirectorySeparatorChar);
    }

    private sealed class OverlayFile(OverlayFileSystem owner) : FileWrapper(owner)
    {
        public override bool Exists(string? path) => owner.For(path).File.Exists(path);

        public override FileSystemStream OpenRead(string path) => owner.For(path).File.OpenRead(path);

        public override byte[] ReadAllBytes(string path) => owner.For(path).File.ReadAllBytes(path);
    }

    private sealed class OverlayDirectory(OverlayFileSystem owner) : DirectoryWrapper(owner)
    {
        public override bool Exists(string? path) => owner.For(path).Directory.Exists(path);

        public override string[] GetDirectories(string path, string searchPattern, EnumerationOptions enumerationOptions) =>
            owner.Inside(path)
                ? owner.inside.Value.Directory.GetDirectories(path, searchPattern, RecursionOnly(enumerationOptions))
                : owner.disk.Directory.GetDirectories(path, searchPattern, enumerationOptions);

        public override string[] GetFiles(string path, string searchPattern, EnumerationOptions enumerationOptions) =>
            owner.Inside(path)
                ? owner.inside.Value.Directory.GetFiles(path, searchPattern, RecursionOnly(enumerationOptions))
                : owner.disk.Directory.GetFiles(path, searchPattern, enumerationOptions);

        /// <summary>
        /// The mock honours only recursion. Nothing else can matter in the in-memory tree: it holds only plain,
        /// readable files and folders (nothing to skip or ignore), and the patterns searched ("*", "*.level.json")
        /// match alike under either match type.
        /// </summary>
        private static EnumerationOptions RecursionOnly(EnumerationOptions options) => new() { RecurseSubdirectories = options.RecurseSubdirectories };
    }

    private sealed class OverlayFileInfoFactory(OverlayFileSystem owner) : IFileInfoFactory
    {
        public IFileSystem FileSystem => owner;

        public IFileInfo New(string fileName) => owner.For(fileName).FileInfo.New(fileName);

        public IFileInfo? Wrap(FileInfo? fileInfo) => owner.disk.FileInfo.Wrap(fileInfo);
    }
}
