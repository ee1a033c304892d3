using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace LittleRedDot.Content;

/// <summary>
/// Files whose names are not valid UTF-8 (Linux names are bytes: <c>runs/$'x\xff\xfe'.run.json</c>). .NET lists such a
/// name with U+FFFD in place of each bad byte sequence, and that string can never be opened again: it encodes back to other
/// bytes. Here the name is found again among the folder's raw entries (the one entry that lists as the given name) and
/// opened by its bytes — only a regular file, bounded, never blocking on a named pipe (issue 14, round two).
/// </summary>
public static partial class RawFileName
{
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int AtFdCwd = -100;
    private const int NameOffset = 19; // struct dirent on 64-bit glibc: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name

    /// <summary>Whether <paramref name="path"/> may be a listing of a name that is not valid UTF-8.</summary>
    public static bool IsLossy(string path) => path.Contains('\uFFFD', StringComparison.Ordinal) && OperatingSystem.IsLinux();

    /// <summary>
    /// The bytes of the file <paramref name="path"/> names, when its name lists with U+FFFD and exactly one entry of its
    /// folder lists so; null when there is none (or more than one: which is meant cannot be known), or it holds more than
    /// <paramref name="limit"/> bytes. <paramref name="shown"/> is the name with each byte that is not UTF-8 as \xHH.
    /// </summary>
    /// <exception cref="IOException">Found, but not a regular file, or it cannot be read.</exception>
    public static byte[]? TryRead(string path, long limit, out string? shown)
    {
        shown = null;
        if (!IsLossy(path))
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        var name = Path.GetFileName(full);
        if (folder is null || Find(folder, name) is not { } raw)
        {
            return null;
        }

        shown = Escaped(raw);
        byte[] rawPath = [.. Encoding.UTF8.GetBytes(folder.TrimEnd('/') + "/"), .. raw, 0];
        var status = new byte[256];
        if (statx(AtFdCwd, rawPath, 0, 0x1, status) != 0 || (BitConverter.ToUInt16(status, 28) & 0xF000) != 0x8000)
        {
            throw new IOException(FileKind.NotRegular);
        }

        var fd = open(rawPath, ReadOnly | NonBlocking | CloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"cannot be opened (error {Marshal.GetLastPInvokeError()})");
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        using var stream = new FileStream(handle, FileAccess.Read, 1);
        using var bytes = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            bytes.Write(buffer, 0, read);
            if (bytes.Length > limit)
            {
                return null;
            }
        }

        return bytes.ToArray();
    }

    /// <summary>The name's bytes, each that is not part of valid UTF-8 written \xHH (e.g. x\xFF\xFE.run.json).</summary>
    public static string Escaped(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder();
        while (!raw.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(raw, out var rune, out var used) == System.Buffers.OperationStatus.Done)
            {
                text.Append(rune.ToString());
                raw = raw[used..];
            }
            else
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{raw[0]:X2}");
                raw = raw[1..];
            }
        }

        return text.ToString();
    }

    /// <summary>The raw name of the one entry of <paramref name="folder"/> that lists as <paramref name="name"/>, else null.</summary>
    private static byte[]? Find(string folder, string name)
    {
        var dir = opendir(folder);
        if (dir == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            byte[]? found = null;
            for (var entry = readdir(dir); entry != IntPtr.Zero; entry = readdir(dir))
            {
                var raw = MemoryMarshalName(entry + NameOffset);
                if (Encoding.UTF8.GetString(raw) == name)
                {
                    if (found is not null)
                    {
                        return null; // two names list alike
                    }

                    found = raw;
                }
            }

            return found;
        }
        finally
        {
            _ = closedir(dir);
        }
    }

    private static unsafe byte[] MemoryMarshalName(IntPtr name) =>
        MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)name).ToArray();

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr opendir(string path);

    [LibraryImport("libc", SetLastError = true)]
    private static partial IntPtr readdir(IntPtr dir);

    [LibraryImport("libc")]
    private static partial int closedir(IntPtr dir);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int open([In] byte[] path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int statx(int directory, [In] byte[] path, int flags, uint mask, [Out] byte[] buffer);
}
