namespace LittleRedDot.Content.Rooms;

/// <summary>
/// What the facilitator does to a room's round (RULES.md §9, `POST /api/round`), one list for the room and
/// its clients; written in lower case on the wire.
/// </summary>
public enum RoundAction
{
    /// <summary>Take runs again (clears a close time).</summary>
    Open,

    /// <summary>Close now, or at a given time: later runs get 409.</summary>
    Close,

    /// <summary>The public board stops changing; runs are still taken and ranked.</summary>
    Freeze,

    /// <summary>The public board shows every run again.</summary>
    Unfreeze,

    /// <summary>A new, empty round; the old one is kept (and exported by its number).</summary>
    Reset,
}

/// <summary>The names RULES.md §9 gives the round's actions on the wire and on the command line.</summary>
public static class RoundActions
{
    private static readonly (string Name, RoundAction Action)[] Names =
        [("open", RoundAction.Open), ("close", RoundAction.Close), ("freeze", RoundAction.Freeze), ("unfreeze", RoundAction.Unfreeze), ("reset", RoundAction.Reset)];

    /// <summary>Every action's name, in the order RULES.md §9 lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Names.Select(n => n.Name)];

    /// <summary>"open, close, freeze, unfreeze, reset", for error messages.</summary>
    public static string Expected { get; } = string.Join(", ", All);

    /// <summary>The wire name of <paramref name="action"/>.</summary>
    public static string Name(RoundAction action) => Names.First(n => n.Action == action).Name;

    /// <summary>The action named exactly by <paramref name="name"/>, one of <see cref="All"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Any other name.</exception>
    public static RoundAction Parse(string name) =>
        TryParse(name, out var action) ? action : throw new ArgumentOutOfRangeException(nameof(name), name, $"expected one of {Expected}");

    /// <summary>The action named exactly (ordinal, lower case) by <paramref name="name"/>; false for anything else.</summary>
    public static bool TryParse(string? name, out RoundAction action)
    {
        foreach (var n in Names)
        {
            if (string.Equals(n.Name, name, StringComparison.Ordinal))
            {
                action = n.Action;
                return true;
            }
        }

        action = default;
        return false;
    }
}
