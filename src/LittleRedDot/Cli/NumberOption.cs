using System.CommandLine;
using System.CommandLine.Parsing;
using LittleRedDot.Engine;

namespace LittleRedDot.Cli;

/// <summary>
/// Options that take a number (RULES.md §8): read as the game reads a typed number (<see cref="DoubleText.TryRead"/>),
/// NaN and infinities refused. A refusal is a parse error, so it is reported with the others and exits 2.
/// </summary>
public static class NumberOption
{
    /// <summary>An option that must be given, with a finite number.</summary>
    public static Option<double> Required(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Required = true,
        CustomParser = result => Read(name, result) ?? 0,
    };

    /// <summary>An option that may be left out (null); when given, a finite number.</summary>
    public static Option<double?> Optional(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => Read(name, result),
    };

    private static double? Read(string name, ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[^1].Value;
        if (!DoubleText.TryRead(text, out var value))
        {
            result.AddError($"{name}: \"{text}\" is not a number (use '.' as the decimal mark, e.g. 0.01 or 1e-3)");
            return null;
        }

        if (!double.IsFinite(value))
        {
            result.AddError($"{name}: {text} is not a finite number");
            return null;
        }

        return value;
    }
}
