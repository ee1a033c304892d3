using LittleRedDot.Content;

namespace LittleRedDot.Content.Tests;

/// <summary>
/// ARCHITECTURE.md's arrows: Content reads and writes files for the Engine and knows nothing of screens or
/// the command line. Oracle: the Content assembly's own reference list, as the compiler wrote it.
/// </summary>
public sealed class ContentDependencyTests
{
    [Theory]
    [InlineData("Terminal.Gui")]
    [InlineData("LittleRedDot.Tui")]
    [InlineData("Markdig")]
    [InlineData("System.CommandLine")]
    [InlineData("LittleRedDot")]
    [InlineData("LittleRedDot.Server")]
    public void Content_references_no_screen_or_command_line(string forbidden)
    {
        var references = typeof(LevelReader).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(forbidden, references);
        Assert.Contains("LittleRedDot.Engine", references); // the list is real: Content does use the Engine
    }
}
