using System.IO.Abstractions;
using LittleRedDot.Content.Tests.TestSupport;

namespace LittleRedDot.Content.Tests.RunFiles;

/// <summary>
/// Files whose reported size is 0 but which never end (/dev/zero, /dev/urandom) are refused as unreadable, never read
/// into memory until the process dies (RULES.md §8: a missing or unreadable file exits 2, never a crash). Oracle: the
/// file system's own answer — these devices report length 0 and yield bytes forever.
/// </summary>
public sealed class EndlessFileTests
{
    private readonly FileSystem fs = new();

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_run_file_that_never_ends_is_unreadable(string device)
    {
        if (!File.Exists(device))
        {
            return; // not a Unix system
        }

        var verdict = new RunFileChecker(fs, _ => null).Check(device);

        Assert.Equal(VerifyReason.Unreadable, verdict.Reason);
        Assert.True(verdict.IsBadInput);
    }

    [Fact]
    public void A_level_file_that_is_a_device_is_unreadable()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var e = Assert.Throws<ContentException>(() => new LevelLoader(fs, null).ReadSpec("/dev/zero"));

        Assert.True(e.IsUnreadable);
        Assert.Contains(FileKind.NotRegular, e.Errors[0].Message, StringComparison.Ordinal); // a device is refused by type, before it is opened (issue 14)
    }

    [Fact]
    public void A_regular_file_is_read_whole()
    {
        using var temp = new TempFolder();
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();
        var path = temp.Write("f.bin", bytes);

        Assert.Equal(bytes, BoundedFile.Read(fs, path, 1L << 20));
        Assert.Null(BoundedFile.Read(fs, path, 299_999)); // one byte over the limit
    }
}
