using System.Diagnostics;
using LittleRedDot.Cli.Tests.TestSupport;
using LittleRedDot.Content;

namespace LittleRedDot.Cli.Tests.BadInputs;

/// <summary>
/// Issue 14, round two: a run file whose name is not valid UTF-8 (<c>runs/$'x\xff\xfe'.run.json</c>) vanished from
/// `board` and was "file not found" to `replay`. It is listed (with U+FFFD where a byte is not UTF-8) and read by its bytes.
/// </summary>
public sealed class RawFileNameTests : IDisposable
{
    private readonly LevelsFolder levels = new();

    public void Dispose() => levels.Dispose();

    /// <summary>Copies <paramref name="source"/> into <paramref name="folder"/> under a name holding bytes 0xFF 0xFE (.NET cannot spell it: the shell's printf can).</summary>
    private static void CopyUnderRawName(string source, string folder, string rawName)
    {
        using var cp = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"cp \"$1\" \"$2/$(printf '{rawName}')\"", "sh", source, folder]) { UseShellExecute = false })!;
        if (!cp.WaitForExit(30_000))
        {
            cp.Kill();
            Assert.Fail("cp did not finish within 30 s");
        }

        Assert.Equal(0, cp.ExitCode);
    }

    [Fact]
    public void A_run_file_named_in_bytes_that_are_not_utf8_is_listed_read_and_ranked()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // names are bytes on Linux; elsewhere they are UTF-16 or normalised UTF-8 and this cannot happen
        }

        var runs = levels.Combine("runs");
        Directory.CreateDirectory(runs);
        var good = levels.Combine("good.run.json");
        Assert.Equal(0, InProcess.Run("run", "t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--player", "zoe", "--save", good, "--levels", levels.Root).Exit);
        CopyUnderRawName(good, runs, "x\\377\\376.run.json");

        var replay = InProcess.Run("replay", runs, "--levels", levels.Root);
        var board = InProcess.Run("board", "pack", runs, "--levels", levels.Root);

        Assert.True(replay.Exit == 0, replay.ToString());
        Assert.Contains("x\uFFFD\uFFFD.run.json: verified", replay.Out, StringComparison.Ordinal);
        Assert.Contains("1 files: 1 verified", replay.Out, StringComparison.Ordinal);
        Assert.True(board.Exit == 0, board.ToString());
        Assert.Contains("zoe", board.Out, StringComparison.Ordinal); // ranked, not vanished
    }

    [Fact]
    public void A_level_file_and_a_data_file_named_in_bytes_are_read()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var other = levels.Combine("other");
        Directory.CreateDirectory(other);
        CopyUnderRawName(levels.LevelPath, other, "t\\377.level.json");
        var csv = levels.Combine("data.csv");
        File.WriteAllText(csv, "x,y\n1,2\n2,4.1\n3,5.9\n4,8.2\n");
        CopyUnderRawName(csv, levels.Path, "d\\376.csv");

        var checkedLevel = InProcess.Run("check-levels", other, "--levels", levels.Root);
        var made = InProcess.Run("new-level", "--from", levels.Combine("d\uFFFD.csv"), "--x", "x", "--y", "y", "--dry-run", "--out", levels.Combine("d.level.json"), "--levels", levels.Root);

        // Read and checked (LevelsFolder's test level starts inside its goal, which check-levels reports), not "file not found".
        Assert.Contains("t\uFFFD.level.json: INVALID", checkedLevel.Out, StringComparison.Ordinal);
        Assert.Contains("t-01: \"Three points\"", checkedLevel.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("file not found", checkedLevel.Out + checkedLevel.Error, StringComparison.Ordinal);
        Assert.True(made.Exit == 0, made.ToString());
        Assert.Contains("4 rows read", made.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_pipe_named_in_bytes_is_refused_not_waited_on()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var runs = levels.Combine("runs");
        Directory.CreateDirectory(runs);
        using (var mkfifo = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "mkfifo \"$1/$(printf 'p\\377.run.json')\"", "sh", runs]) { UseShellExecute = false })!)
        {
            Assert.True(mkfifo.WaitForExit(30_000), "mkfifo did not finish");
        }

        var replay = InProcess.Run("replay", runs, "--levels", levels.Root);

        Assert.Equal(2, replay.Exit);
        Assert.Contains($"p\uFFFD.run.json: cannot be read ({FileKind.NotRegular})", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bytes_that_are_not_utf8_are_shown_as_hex()
    {
        // Oracle: 0xFF and 0xFE never occur in UTF-8 (RFC 3629 §1); "é" (C3 A9) is valid and kept.
        Assert.Equal("x\\xFF\\xFE", RawFileName.Escaped([(byte)'x', 0xFF, 0xFE]));
        Assert.Equal("é\\xFF", RawFileName.Escaped([0xC3, 0xA9, 0xFF]));
    }
}
