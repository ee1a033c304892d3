using System.IO.Abstractions;
using LittleRedDot.Content;

namespace LittleRedDot.Content.Tests.Levels;

public class ArticleLevelTests
{
    private const string ArticleLevel = "article-01-the-little-red-dot";

    [Fact]
    public void The_articles_scene_starts_at_a_cost_of_217_42()
    {
        var library = new LevelLibrary(new FileSystem(), ShippedLevels.FindRoot());
        var level = library.Find(ArticleLevel)!.Level;
        var rules = level.Rules;

        // The article's scene: β0 fixed at 0, the dot at β1 = −5, which the start range must allow.
        Assert.True(rules.Beta0.IsFixed);
        Assert.Equal(0.0, rules.Beta0.Value);
        Assert.True(rules.Beta1.Allows(-5));

        // Oracle 1: the article's figure, MSE(0, −5) = 217.42 to two decimals.
        var cost = level.Valley.CostAt(0, -5);
        Assert.Equal(217.42, Math.Round(cost, 2));

        // Oracle 2: RULES.md §1's per-point sum (1/N)·Σ r², r = (β0 + β1·x) − y; agrees with §5's closed
        // form to 1e-12 relative (§5 promises 1e-9; these are ten two-decimal points).
        var x = level.Data.X;
        var y = level.Data.Y;
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var r = (0 + (-5 * x[i])) - y[i];
            sum += r * r;
        }

        Assert.Equal(217.42, Math.Round(sum / x.Length, 2));
        Assert.Equal(sum / x.Length, cost, 1e-12 * cost);
    }
}
