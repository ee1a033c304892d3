namespace LittleRedDot.Engine.Tests;

/// <summary>
/// ARCHITECTURE.md: the Engine is pure — it references MathNet.Numerics and the base library only, so a
/// file, console, clock or UI dependency cannot creep into the scoring path.
/// </summary>
public sealed class EngineDependencyTests
{
    [Fact]
    public void The_engine_references_only_mathnet_and_the_base_library()
    {
        var references = typeof(Valley).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        var others = references.Where(name => !IsAllowed(name)).ToArray();

        Assert.Empty(others);
        Assert.Contains("MathNet.Numerics", references);
    }

    [Theory]
    [InlineData("LittleRedDot.Content", false)]
    [InlineData("System.IO.Abstractions", false)]
    [InlineData("Terminal.Gui", false)]
    [InlineData("Microsoft.Extensions.Logging", false)]
    [InlineData("System.Runtime", true)]
    [InlineData("netstandard", true)]
    public void The_rule_itself_tells_allowed_from_forbidden(string name, bool allowed) => Assert.Equal(allowed, IsAllowed(name));

    private static bool IsAllowed(string name) =>
        name is "MathNet.Numerics" or "netstandard" or "mscorlib" or "System"
        || (name.StartsWith("System.", StringComparison.Ordinal) && !name.StartsWith("System.IO.Abstractions", StringComparison.Ordinal));
}
