using System.IO.Abstractions;
using LittleRedDot.Content;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// A run file opened to be shown as the ghost on a level (issue 5: "or any run file opened"): it must verify
/// against that very level, as replay would (RULES.md §7) — a ghost is never drawn from numbers taken on trust.
/// </summary>
public static class GhostFile
{
    /// <summary>The verdict on <paramref name="path"/> as a ghost for <paramref name="level"/>; its message is not yet escaped.</summary>
    public static Verification Check(IFileSystem fileSystem, LevelDefinition level, string path)
    {
        ArgumentNullException.ThrowIfNull(level);
        var verdict = new RunFileChecker(fileSystem, id => id == level.Id ? level : null, "this level").Check(path);
        if (!verdict.Verified && verdict.Run is { } run && run.LevelId != level.Id)
        {
            return verdict with { Message = $"that run was played on the level \"{run.LevelId}\", not on this one (\"{level.Id}\")" };
        }

        return verdict;
    }

    /// <summary>
    /// A path as a player types it, made absolute: quotes around it (a pasted path) dropped and a leading ~
    /// read as the home folder; null when nothing usable was typed.
    /// </summary>
    public static string? Resolve(IFileSystem fileSystem, string typed, string home)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var path = (typed ?? string.Empty).Trim();
        if (path.Length >= 2 && (path[0] == '"' || path[0] == '\'') && path[^1] == path[0])
        {
            path = path[1..^1];
        }

        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = home + path[1..];
        }

        if (path.Length == 0)
        {
            return null;
        }

        try
        {
            return fileSystem.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or IOException)
        {
            return null;
        }
    }
}
