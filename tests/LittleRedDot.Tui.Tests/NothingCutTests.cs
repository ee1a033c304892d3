using System.IO.Abstractions;
using LittleRedDot.Content;
using LittleRedDot.Engine;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// Issue 11 item 5: no text that carries meaning is cut at 80×24. Every shipped level is played at 80×24 through
/// each phase — choosing, running, finished with each outcome its choices reach, the Learn panel open — and every
/// view's draw is read for cut text. "Cut" is what the drawing primitives know for certain (GameView.Cuts): a text
/// lost a visible character past the canvas edge or its width, under later text drawn over it, or in rows below a
/// panel whose title does not say PgDn. Text fitted on purpose ends in the ellipsis CellCanvas.Fit adds and is not cut.
/// </summary>
public sealed class NothingCutTests : IDisposable
{
    private readonly TestLevels levels = new TestLevels().WithShippedLevels();

    public static TheoryData<string> ShippedLevelIds()
    {
        var data = new TheoryData<string>();
        foreach (var (id, _) in Shipped(TestLevels.ShippedLevels()))
        {
            data.Add(id);
        }

        return data;
    }

    public void Dispose() => levels.Dispose();

    [Theory]
    [MemberData(nameof(ShippedLevelIds))]
    public void No_phase_of_a_shipped_level_cuts_text_at_80x24(string id)
    {
        var level = Shipped(levels.Levels).Single(l => l.Id == id).Level;
        var cuts = new List<string>();
        var outcomes = new HashSet<Outcome>();
        var seenRunning = false;
        foreach (var choice in Choices(level))
        {
            using var game = new GameHarness(levels, 80, 24, levelId: id);
            if (game.Window.Overlay is not null)
            {
                game.Press(Key.Enter); // the story, shown on the first entry
            }

            Look(game, "choosing", cuts);
            game.Press(Key.L);
            Look(game, "choosing, Learn open", cuts);
            game.Press(Key.L);
            Look(game, "choosing, Learn's picture of why", cuts);
            game.Press(Key.L);

            Assert.True(game.Level.Session.SetAlpha(choice.Alpha.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            game.Level.Session.PlaceStart(choice.Beta0, choice.Beta1);
            game.Press(Key.P); // a prediction (pack 1 asks for one before a launch), so the verdict's row is read too
            if (game.Level.Session.PredictsPerWay)
            {
                game.Press(Key.V); // and, with two dials, one per direction: both verdicts are read
                Look(game, "choosing, predicted per direction", cuts);
            }
            game.Press(Key.Enter).Wait(TimeSpan.FromMilliseconds(20));
            if (game.Level.Session.Phase == SessionPhase.Running)
            {
                seenRunning = true;
                Look(game, "running", cuts);
                game.Press(Key.End);
            }

            Assert.Equal(SessionPhase.Finished, game.Level.Session.Phase);
            var outcome = game.Level.Session.Playback!.Result.Outcome;
            outcomes.Add(outcome);
            Look(game, $"finished, {outcome}", cuts);
            game.Press(Key.L);
            Look(game, $"finished, {outcome}, Learn open", cuts);
            game.Press(Key.L);
            Look(game, $"finished, {outcome}, Learn's picture of why", cuts);
        }

        // The choices reach more than one outcome (the golden runs' choices: RULES.md §3 between α's two ends), so the
        // outcome panel is read in more than one of its forms.
        Assert.True(outcomes.Count >= 2 || level.Rules.AlphaMin == level.Rules.AlphaMax, $"{id}: only {string.Join(", ", outcomes)}");
        Assert.True(seenRunning, $"{id}: no run was still running 20 ms after its launch, so the running screen went unread");
        Assert.True(cuts.Count == 0, $"{id} at 80×24 cuts:\n{string.Join("\n", cuts.Distinct())}");
    }

    /// <summary>The choices the golden runs play (tests/LittleRedDot.Cli.Tests): the solver's best, then α at each end of its range from the start farthest from the floor.</summary>
    private static IEnumerable<Choice> Choices(Level level)
    {
        var r = level.Rules;
        var far = (
            from b0 in new[] { r.Beta0.Min, r.Beta0.Max }
            from b1 in new[] { r.Beta1.Min, r.Beta1.Max }
            select (b0, b1)).MaxBy(c => level.Valley.Gap(c.b0, c.b1));
        if (Solver.Solve(level).Best is { } best)
        {
            yield return best;
        }

        yield return new Choice(r.AlphaMin, far.b0, far.b1);
        yield return new Choice(r.AlphaMax, far.b0, far.b1);
    }

    private static void Look(GameHarness game, string phase, List<string> cuts)
    {
        game.Screen();
        Walk(game.Window);

        void Walk(View view)
        {
            if (!view.Visible)
            {
                return;
            }

            if (view is GameView g)
            {
                cuts.AddRange(g.Cuts.Select(c => $"{phase}: {g.GetType().Name} \"{c}\""));
            }

            foreach (var sub in view.SubViews)
            {
                Walk(sub);
            }
        }
    }

    private static IEnumerable<(string Id, Level Level)> Shipped(string root)
    {
        var library = new LevelLibrary(new FileSystem(), root);
        return library.Catalog.Packs().SelectMany(p => p.LevelFiles).Select(f => library.Loader.Load(f)).Select(l => (l.Id, l.Level)).ToList();
    }
}
