using System.IO.Abstractions.TestingHelpers;
using System.Text;
using LittleRedDot.Content.Tests.TestSupport;

namespace LittleRedDot.Content.Tests.RunFiles;

/// <summary>
/// Saves are atomic (issue 4, 8): a temporary file in the same folder, then a rename over the target. When
/// any part fails, the previous file is intact, no temporary file is left, and the message says it was not saved.
/// </summary>
public sealed class AtomicFileTests
{
    private const string Target = "/runs/ada.run.json";
    private static readonly byte[] Old = Encoding.UTF8.GetBytes("{ \"the\": \"previous run\" }");
    private static readonly byte[] New = Encoding.UTF8.GetBytes("{ \"the\": \"new run\" }");

    private static MockFileSystem WithPrevious() => new(new Dictionary<string, MockFileData> { [Target] = new(Old) });

    [Fact]
    public void A_save_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        var fs = WithPrevious();
        AtomicFile.Write(fs, Target, New);
        Assert.Equal(New, fs.File.ReadAllBytes(Target));
        Assert.Equal([Target], fs.Directory.GetFiles("/runs"));
    }

    [Fact]
    public void A_save_creates_a_missing_folder()
    {
        var fs = new MockFileSystem();
        AtomicFile.Write(fs, "/a/b/c.run.json", New);
        Assert.Equal(New, fs.File.ReadAllBytes("/a/b/c.run.json"));
    }

    [Fact]
    public void When_the_move_fails_the_previous_file_is_intact()
    {
        var mock = WithPrevious();
        var fs = new FaultyFileSystem(mock, failMove: true);

        var e = Assert.Throws<ContentException>(() => AtomicFile.Write(fs, Target, New));

        AssertNotSaved(e);
        Assert.Equal(Old, mock.File.ReadAllBytes(Target));
        Assert.Equal([Target], mock.Directory.GetFiles("/runs")); // the temporary file is cleaned up
    }

    [Fact]
    public void When_the_disk_fills_up_the_previous_file_is_intact()
    {
        var mock = WithPrevious();
        var fs = new FaultyFileSystem(mock, diskFull: true);

        var e = Assert.Throws<ContentException>(() => AtomicFile.Write(fs, Target, New));

        AssertNotSaved(e);
        Assert.Contains("No space left on device", e.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(Old, mock.File.ReadAllBytes(Target));
        Assert.Equal([Target], mock.Directory.GetFiles("/runs"));
    }

    [Fact]
    public void Saving_onto_a_folder_is_refused()
    {
        var fs = new MockFileSystem();
        fs.Directory.CreateDirectory("/runs/ada.run.json");
        var e = Assert.Throws<ContentException>(() => AtomicFile.Write(fs, "/runs/ada.run.json", New));
        Assert.Contains("is a folder", e.Errors[0].Message, StringComparison.Ordinal);
        Assert.True(fs.Directory.Exists("/runs/ada.run.json"));
    }

    [Fact]
    public void Saving_under_a_file_as_if_it_were_a_folder_is_refused()
    {
        var fs = WithPrevious();
        var e = Assert.Throws<ContentException>(() => AtomicFile.Write(fs, Target + "/inside.run.json", New));
        AssertNotSaved(e);
        Assert.Equal(Old, fs.File.ReadAllBytes(Target));
    }

    [Fact]
    public void On_the_real_file_system_a_save_under_a_file_is_refused_too()
    {
        using var temp = new TempFolder();
        var file = temp.Write("plain.txt", "not a folder");
        var e = Assert.Throws<ContentException>(() => AtomicFile.Write(new System.IO.Abstractions.FileSystem(), Path.Combine(file, "x.run.json"), New));
        AssertNotSaved(e);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public void A_file_the_user_named_is_never_replaced_unless_asked_and_a_new_one_is_written()
    {
        var fs = WithPrevious();

        var e = Assert.Throws<ContentException>(() => AtomicFile.Write(fs, Target, New, Overwrite.Never));
        Assert.Contains("exists; it is left as it is (replace it on purpose with --force)", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(Old, fs.File.ReadAllBytes(Target));
        Assert.Equal([Target], fs.Directory.GetFiles("/runs")); // no temporary file was made

        AtomicFile.Write(fs, "/runs/new.run.json", New, Overwrite.Never);
        Assert.Equal(New, fs.File.ReadAllBytes("/runs/new.run.json"));

        AtomicFile.Write(fs, Target, New, Overwrite.Always);
        Assert.Equal(New, fs.File.ReadAllBytes(Target));
    }

    private static void AssertNotSaved(ContentException e)
    {
        var error = Assert.Single(e.Errors);
        Assert.Contains("could not be saved", error.Message, StringComparison.Ordinal);
        Assert.Contains("unchanged", error.Message, StringComparison.Ordinal);
    }
}
