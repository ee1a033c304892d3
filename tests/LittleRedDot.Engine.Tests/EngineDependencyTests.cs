namespace LittleRedDot.Engine.Tests;

/// <summary>
/// ARCHITECTURE.md: the Engine is pure — MathNet.Numerics and the few base-library assemblies it needs, each
/// named, so a new reference (System.Console, System.Net.Http, a UI) fails here until a person allows it. The
/// build bans files, clock, randomness and environment inside those assemblies (BannedSymbols.txt: System.IO.File
/// lives in System.Runtime, which no reference list can tell apart).
/// </summary>
public sealed class EngineDependencyTests
{
    /// <summary>The assemblies the Engine may reference, with why.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["System.Runtime"] = "the base types",
        ["System.Collections"] = "lists and dictionaries",
        ["System.Linq"] = "queries over the data",
        ["System.Memory"] = "spans for the digest's bytes",
        ["System.Runtime.Numerics"] = "generic maths",
        ["System.Security.Cryptography"] = "SHA-256 of the run digest and the level hash (RULES.md §7)",
        ["MathNet.Numerics"] = "the Hessian's eigenvalues",
    };

    [Fact]
    public void The_engine_references_only_the_named_assemblies()
    {
        var references = typeof(Valley).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        var others = references.Where(name => !IsAllowed(name)).ToArray();
        Assert.True(others.Length == 0, $"not allowed in the Engine: {string.Join(", ", others)}");
        Assert.Contains("MathNet.Numerics", references); // the list is the compiler's real one
    }

    [Theory]
    [InlineData("LittleRedDot.Content", false)]
    [InlineData("System.IO.Abstractions", false)]
    [InlineData("System.Console", false)]
    [InlineData("System.Net.Http", false)]
    [InlineData("System.Diagnostics.Process", false)]
    [InlineData("Terminal.Gui", false)]
    [InlineData("Microsoft.Extensions.Logging", false)]
    [InlineData("System.Runtime", true)]
    [InlineData("System.Security.Cryptography", true)]
    public void The_rule_itself_tells_allowed_from_forbidden(string name, bool allowed) => Assert.Equal(allowed, IsAllowed(name));

    private static bool IsAllowed(string name) => Allowed.ContainsKey(name);
}
