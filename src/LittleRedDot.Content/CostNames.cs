using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>The words level files, the level hash and the command line use for a <see cref="CostKind"/> (RULES.md §6): one table.</summary>
public static class CostNames
{
    private static readonly (CostKind Kind, string Name)[] Table =
    [
        (CostKind.Mse, "mse"),
        (CostKind.HalfMse, "half-mse"),
    ];

    /// <summary>Every name, in the table's order.</summary>
    public static IReadOnlyList<string> All { get; } = Array.ConvertAll(Table, t => t.Name);

    /// <summary>The names quoted and joined for a message: "mse" or "half-mse".</summary>
    public static string Expected { get; } = string.Join(" or ", All.Select(n => $"\"{n}\""));

    /// <exception cref="ArgumentOutOfRangeException">A value outside the enum.</exception>
    public static string Name(CostKind cost)
    {
        foreach (var (kind, name) in Table)
        {
            if (kind == cost)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(cost), cost, "Not a cost of RULES.md §1.");
    }

    /// <summary>The cost a name stands for; null for any other text (case matters).</summary>
    public static CostKind? Parse(string? text)
    {
        foreach (var (kind, name) in Table)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }
}
