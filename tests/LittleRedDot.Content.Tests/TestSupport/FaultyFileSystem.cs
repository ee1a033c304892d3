using System.IO.Abstractions;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace LittleRedDot.Content.Tests.TestSupport;

/// <summary>
/// An <see cref="IFileSystem"/> that behaves like the one it wraps (a MockFileSystem) except where a test
/// makes it fail: a move that is refused, or a disk that fills up while a file is written. Root ignores file
/// permissions, so this is how a failed save is tested (issue 8).
/// </summary>
public sealed class FaultyFileSystem : IFileSystem
{
    private readonly IFileSystem inner;

    public FaultyFileSystem(IFileSystem inner, bool failMove = false, bool diskFull = false)
    {
        this.inner = inner;
        File = Proxy<IFile>.Wrap(inner.File, (method, _) =>
            failMove && method.Name == nameof(IFile.Move) ? new IOException("Permission denied") : null);
        FileStream = Proxy<IFileStreamFactory>.Wrap(inner.FileStream, null, result =>
            diskFull && result is FileSystemStream s ? new FullDiskStream(s) : result);
    }

    public IDirectory Directory => inner.Directory;

    public IDirectoryInfoFactory DirectoryInfo => inner.DirectoryInfo;

    public IDriveInfoFactory DriveInfo => inner.DriveInfo;

    public IFile File { get; }

    public IFileInfoFactory FileInfo => inner.FileInfo;

    public IFileStreamFactory FileStream { get; }

    public IFileSystemWatcherFactory FileSystemWatcher => inner.FileSystemWatcher;

    public IFileVersionInfoFactory FileVersionInfo => inner.FileVersionInfo;

    public IPath Path => inner.Path;

    public IRandomAccess RandomAccess => inner.RandomAccess;

    /// <summary>Forwards every call to the wrapped object, unless <c>fault</c> says to throw; <c>map</c> may replace a result.</summary>
    public class Proxy<T> : DispatchProxy
        where T : class
    {
        private T? target;
        private Func<MethodInfo, object?[]?, Exception?>? fault;
        private Func<object?, object?>? map;

        public static T Wrap(T target, Func<MethodInfo, object?[]?, Exception?>? fault, Func<object?, object?>? map = null)
        {
            var proxy = Create<T, Proxy<T>>();
            var self = (Proxy<T>)(object)proxy;
            self.target = target;
            self.fault = fault;
            self.map = map;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (fault?.Invoke(targetMethod, args) is { } exception)
            {
                throw exception;
            }

            try
            {
                var result = targetMethod.Invoke(target, args);
                return map is null ? result : map(result);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
    }

    /// <summary>A stream whose writes fail as a full disk does.</summary>
    private sealed class FullDiskStream(FileSystemStream inner) : FileSystemStream(inner, inner.Name, false)
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("No space left on device");

        public override void WriteByte(byte value) => throw new IOException("No space left on device");
    }
}
