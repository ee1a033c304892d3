using System.CommandLine;
using System.Globalization;
using System.CommandLine.Parsing;
using LittleRedDot.Engine;

namespace LittleRedDot.Cli;

/// <summary>
/// Options that take a number (RULES.md §8): read as the game reads a typed number (<see cref="DoubleText.TryRead"/>),
/// NaN and infinities refused; whole numbers as plain ASCII digits in the invariant culture. A refusal is a parse error
/// in plain words (never the parser's own, which names a .NET type such as System.Nullable`1[System.Int32]), so it is
/// reported with the others and exits 2.
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

    /// <summary>An option that takes a whole number, <paramref name="fallback"/> when left out.</summary>
    public static Option<int> Integer(string name, string description, string helpName, int fallback) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => fallback,
        CustomParser = result => ReadInteger(name, result) ?? fallback,
    };

    /// <summary>An option that may be left out (null); when given, a whole number.</summary>
    public static Option<int?> OptionalInteger(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => ReadInteger(name, result),
    };

    private static int? ReadInteger(string name, ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[^1].Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError(text.Length > 0 && text.TrimStart('-', '+').All(char.IsAsciiDigit)
            ? $"{name}: {text} is out of range (a whole number from {int.MinValue.ToString(CultureInfo.InvariantCulture)} to {int.MaxValue.ToString(CultureInfo.InvariantCulture)})"
            : $"{name}: \"{text}\" is not a whole number (digits only, e.g. 42)");
        return null;
    }

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
