using System.Drawing;
using LittleRedDot.Content;
using LittleRedDot.Engine;
using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Theming;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// The level screen: the data with the current line, the valley with the dot, the choice with its keys,
/// the run's live numbers, the outcome and its lesson, and the Learn panel. It draws what its
/// <see cref="LevelSession"/> holds and turns keys into the session's actions; an animation tick redraws
/// only the views that show the run.
/// </summary>
public sealed class LevelScreen : View
{
    private readonly Theme theme;
    private readonly LevelSession session;
    private readonly GameServices services;
    private readonly IGameHost host;
    private readonly string packTitle;
    private readonly ScatterPicture scatterPicture;
    private readonly ValleyPicture valleyPicture;
    private readonly PanelView header;
    private readonly CanvasView scatter;
    private readonly CanvasView valley;
    private readonly PanelView learn;
    private readonly PanelView outcome;

    private readonly PanelView controls;
    private readonly PanelView live;
    private readonly PanelView message;
    private readonly PanelView keys;
    private readonly TextField editBox;
    private readonly List<string> notices = [];
    private EditTarget editing;
    private object? timer;
    private TimeSpan tickInterval;
    private DateTimeOffset lastTick;

    public LevelScreen(Theme theme, LevelSession session, GameServices services, IGameHost host, string packTitle)
    {
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(host);
        this.theme = theme;
        this.session = session;
        this.services = services;
        this.host = host;
        this.packTitle = packTitle;
        CanFocus = true;
        Width = Dim.Fill();
        Height = Dim.Fill();
        SetScheme(theme.Scheme);

        scatterPicture = new ScatterPicture(session.Level.Data, theme.Glyphs);
        valleyPicture = new ValleyPicture(session.Level, theme.Glyphs, theme.Traits.Color);
        header = new PanelView(theme, HeaderLines) { Framed = false };
        scatter = new CanvasView(theme, (c, w, h) => scatterPicture.Render(c, w, h, Picture()));
        valley = new CanvasView(theme, (c, w, h) => valleyPicture.Render(c, w, h, Picture()));
        learn = new PanelView(theme, LearnLines) { PanelTitle = "Learn: this step (PgUp/PgDn)" };
        outcome = new PanelView(theme, OutcomeLines) { PanelTitle = "How it went" };
        controls = new PanelView(theme, ControlLines) { PanelTitle = "Your choice" };
        live = new PanelView(theme, LiveLines) { PanelTitle = "The run" };
        message = new PanelView(theme, MessageLines) { Framed = false };
        keys = new PanelView(theme, KeyLines) { Framed = false };
        editBox = new TextField { Visible = false, CanFocus = false, Width = 14, Height = 1 };
        editBox.SetScheme(theme.Scheme);

        // Focus coming back (after F1's help closes) must not select what was typed, or the next key would replace
        // "0.0" with "5"; opening the field selects all itself, after this runs.
        editBox.HasFocusChanged += (_, e) =>
        {
            if (e.NewValue)
            {
                editBox.ClearAllSelection();
                editBox.MoveEnd();
            }
        };
        editBox.Accepting += (_, e) =>
        {
            e.Handled = true;
            CommitEdit(EditTarget.None);
        };

        Place(header, l => l.Header);
        Place(scatter, l => l.Left);
        Place(valley, l => l.Valley);
        Place(learn, l => l.Side ?? l.Left);
        Place(outcome, l => l.Left);
        Place(controls, l => l.Controls);
        Place(live, l => l.Live);
        Place(message, l => l.Message);
        Place(keys, l => l.Keys);
        editBox.X = Pos.Func(_ => ScreenLayout().Controls.X + 2 + 5, this);
        editBox.Y = Pos.Func(_ => ScreenLayout().Controls.Y + 1 + FieldRow(editing), this);
        Add(header, scatter, valley, learn, outcome, controls, live, message, keys, editBox);
        valley.MouseEvent += OnValleyMouse;
        UpdateVisibility();
    }

    public LevelSession Session => session;

    /// <summary>Whether the Learn panel is showing.</summary>
    public bool LearnShown { get; private set; }

    /// <summary>The value being typed, if any.</summary>
    public EditTarget Editing => editing;

    /// <summary>The panel with the outcome and its lesson (shown once a run is over).</summary>
    public View OutcomePanel => outcome;

    /// <summary>The views that show the run, for tests that check what an animation tick redraws.</summary>
    public IReadOnlyList<View> RunViews => [scatter, valley, live, learn];

    /// <summary>Takes notices (file problems) to show in the message row.</summary>
    public void AddNotices(IEnumerable<string> lines)
    {
        notices.AddRange(lines);
        message.SetNeedsDraw();
    }

    /// <summary>
    /// The panels of <see cref="LevelLayout"/> tile the whole screen and each paints every cell it owns. The
    /// window behind has just been cleared to the normal attribute, which lets the panels skip their blank
    /// cells; clearing again here would only write every cell a second time.
    /// </summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnKeyDown(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (editing != EditTarget.None)
        {
            return EditingKey(key);
        }

        var handled = session.Phase == SessionPhase.Running ? RunningKey(key) : ChoosingKey(key);
        if (handled)
        {
            notices.AddRange(services.TakeNotices());
            Refresh();
        }

        return handled || base.OnKeyDown(key);
    }

    /// <summary>Stops the animation's timer (the window is closing or the level is left).</summary>
    public void StopAnimation() => StopTimer();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            StopTimer();
        }

        base.Dispose(disposing);
    }

    private bool ChoosingKey(Key key)
    {
        var shift = key.IsShift;
        var steps = shift ? 5 : 1;
        var map = valleyPicture.IsMap;
        var free0 = session.Rules.Beta0.IsFree;
        if (key.NoShift == Key.CursorLeft || key.NoShift == Key.CursorRight)
        {
            var d = (key.NoShift == Key.CursorLeft ? -1 : 1) * steps;
            session.MoveStart(free0 ? d : 0, free0 && map ? 0 : d);
            return true;
        }

        if (key.NoShift == Key.CursorUp || key.NoShift == Key.CursorDown)
        {
            var d = (key.NoShift == Key.CursorDown ? -1 : 1) * steps;
            session.MoveStart(map ? 0 : free0 ? d : 0, map || !free0 ? d : 0);
            return true;
        }

        if (key == Key.Enter)
        {
            if (session.Phase == SessionPhase.Finished)
            {
                session.TryAgain();
            }
            else
            {
                Launch();
            }

            return true;
        }

        switch (KeyChar.Of(key))
        {
            case '+' or '=' or ']':
                session.AlphaUp();
                return true;
            case '-' or '_' or '[':
                session.AlphaDown();
                return true;
            case 'a':
                StartEdit(EditTarget.Alpha);
                return true;
            case 'b':
                if (session.MayChooseStart())
                {
                    StartEdit(LevelSession.StartMoves(session.Rules.Beta0) ? EditTarget.Start0 : EditTarget.Start1);
                }

                return true;
            case 'n' when session.Phase == SessionPhase.Finished:
                host.OpenNextLevel();
                return true;
            case 'o':
                AskGhostFile();
                return true;
            default:
                return CommonKey(key);
        }
    }

    private bool RunningKey(Key key)
    {
        if (key == Key.Space)
        {
            session.TogglePause();
            return true;
        }

        if (key == Key.End)
        {
            session.SkipToEnd();
            return true;
        }

        switch (KeyChar.Of(key))
        {
            case 's' or '.':
                session.StepOnce();
                return true;
            case '>' or '+' or '=':
                session.Faster();
                RestartTimer();
                return true;
            case '<' or '-' or ',':
                session.Slower();
                RestartTimer();
                return true;
            default:
                return CommonKey(key);
        }
    }

    private bool CommonKey(Key key)
    {
        if (key == Key.Esc)
        {
            host.BackToChooser();
            return true;
        }

        if ((key == Key.PageDown || key == Key.PageUp) && (LearnShown ? learn : outcome.Visible ? outcome : null) is { } panel)
        {
            var page = Math.Max(1, panel.Frame.Height - 3);
            panel.Scroll = Math.Clamp(panel.Scroll + (key == Key.PageDown ? page : -page), 0, Math.Max(0, panel.LineCount - 1));
            return true;
        }

        switch (KeyChar.Of(key))
        {
            case 'h':
                var hint = session.NextHint(out var number, out var count);
                host.ShowText(number > 0 ? $"Hint {number} of {count}" : "Hints", MarkdownText.Parse(hint, theme.Glyphs.Unicode));
                return true;
            case 't':
                ShowStory();
                return true;
            case 'l':
                LearnShown = !LearnShown;
                UpdateVisibility();
                return true;
            case 'g':
                session.ShowGhost = !session.ShowGhost;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Asks for a run file to show as the ghost (O); a file that does not verify on this level is refused, with why.</summary>
    private void AskGhostFile()
    {
        host.Ask(
            "Ghost from a run file",
            "The path of a saved run (*.run.json) played on this level — yours, a friend's, one from the runs folder. Its path is drawn faintly beside yours:",
            null,
            path =>
            {
                var problem = session.OpenGhost(path);
                Refresh();
                return problem;
            });
    }

    /// <summary>Opens a run file as the ghost at once (the command line's --ghost); a refusal becomes the message.</summary>
    public void OpenGhost(string path)
    {
        if (session.OpenGhost(path) is { } problem)
        {
            AddNotices([$"Ghost not shown: {problem}"]);
        }

        Refresh();
    }

    /// <summary>Shows the level's story with its goal: on entry, and again on T.</summary>
    public void ShowStory()
    {
        var spec = session.Definition.Spec;
        var rules = session.Rules;
        var story = MarkdownText.Parse(spec.Story, theme.Glyphs.Unicode);
        var free = (rules.Beta0.IsFree, rules.Beta1.IsFree) switch
        {
            (true, true) => "both β0 (where the line crosses x = 0) and β1 (its slope)",
            (true, false) => $"β0 (where the line crosses x = 0); the slope β1 stays at {NumberText.Short(rules.Beta1.Value)}",
            _ => $"β1 (the line's slope); β0 stays at {NumberText.Short(rules.Beta0.Value)}",
        };
        var pick = session.StartIsSet ? "pick the learning rate α (this level sets where the dot starts)" : "pick the learning rate α and where the dot starts";
        var goal = $"{pick}. The dot then rolls downhill, one "
            + $"gradient step at a time, changing {free}. Reach the valley — cost within {NumberText.Short(rules.Tolerance)} of "
            + $"the lowest — in at most {rules.Budget} steps. {rules.Par} steps or fewer earns three stars.";
        var credits = MarkdownText.Parse(spec.Credits, theme.Glyphs.Unicode).Prefixed(new Segment("Data: ", Ink.Dim));
        host.ShowText(spec.Title, story.Then(RichText.Plain(goal).Prefixed(new Segment("Your move: ", Ink.Title))).Then(credits));
    }

    private bool EditingKey(Key key)
    {
        if (key == Key.Esc)
        {
            EndEdit();
            return true;
        }

        if (key == Key.Tab || key == Key.Tab.WithShift)
        {
            CommitEdit(NextTarget(editing, key.IsShift ? -1 : 1));
            return true;
        }

        return false;
    }

    private void StartEdit(EditTarget target)
    {
        session.ClearMessage();
        editing = target;
        editBox.Text = target switch
        {
            EditTarget.Alpha => NumberText.Exact(session.Alpha),
            EditTarget.Start0 => NumberText.Exact(session.Start0),
            _ => NumberText.Exact(session.Start1),
        };
        editBox.Visible = true;
        editBox.CanFocus = true;
        editBox.SetFocus();
        editBox.SelectAll();
        SetNeedsLayout();
        Refresh();
    }

    private void CommitEdit(EditTarget next)
    {
        var text = editBox.Text ?? string.Empty;
        var ok = editing switch
        {
            EditTarget.Alpha => session.SetAlpha(text),
            EditTarget.Start0 => session.SetStart(StartParameter.Beta0, text),
            EditTarget.Start1 => session.SetStart(StartParameter.Beta1, text),
            _ => true,
        };
        if (!ok)
        {
            Refresh();
            return;
        }

        EndEdit();
        if (next != EditTarget.None)
        {
            StartEdit(next);
        }
    }

    private void EndEdit()
    {
        editing = EditTarget.None;
        editBox.Visible = false;
        editBox.CanFocus = false;
        SetFocus();
        Refresh();
    }

    private EditTarget NextTarget(EditTarget from, int direction)
    {
        var order = new List<EditTarget> { EditTarget.Alpha };
        if (LevelSession.StartMoves(session.Rules.Beta0))
        {
            order.Add(EditTarget.Start0);
        }

        if (LevelSession.StartMoves(session.Rules.Beta1))
        {
            order.Add(EditTarget.Start1);
        }

        var i = order.IndexOf(from);
        return order[(i + direction + order.Count) % order.Count];
    }

    private int FieldRow(EditTarget target) => target switch
    {
        EditTarget.Alpha => 0,
        EditTarget.Start0 => 1,
        _ => 2,
    };

    private void Launch()
    {
        if (session.Launch())
        {
            outcome.Scroll = 0;
            RestartTimer();
        }
    }

    private void RestartTimer()
    {
        StopTimer();
        if (session.Phase != SessionPhase.Running || App is null)
        {
            return;
        }

        tickInterval = SpeedLadder.TickInterval(session.SpeedIndex);
        lastTick = services.Clock.GetUtcNow();
        timer = App.AddTimeout(tickInterval, OnTick);
    }

    private void StopTimer()
    {
        if (timer is not null)
        {
            App?.RemoveTimeout(timer);
            timer = null;
        }
    }

    private bool OnTick()
    {
        // A timer fires late under load; count the time that really passed (up to 4 ticks) so the speed holds.
        var now = services.Clock.GetUtcNow();
        var passed = now - lastTick;
        lastTick = now;
        var elapsed = passed > tickInterval ? (passed < 4 * tickInterval ? passed : 4 * tickInterval) : tickInterval;
        var changed = session.Tick(elapsed);
        if (session.Phase != SessionPhase.Running)
        {
            timer = null;
            notices.AddRange(services.TakeNotices());
            Refresh();
            return false;
        }

        if (changed)
        {
            foreach (var view in RunViews)
            {
                if (view.Visible)
                {
                    view.SetNeedsDraw();
                }
            }
        }

        return true;
    }

    private void OnValleyMouse(object? sender, Mouse mouse)
    {
        if (session.Phase == SessionPhase.Running || editing != EditTarget.None || !mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked) || mouse.Position is not { } at)
        {
            return;
        }

        if (valleyPicture.ValuesAt(at.X, at.Y) is { } values)
        {
            session.PlaceStart(values.Beta0, values.Beta1);
            mouse.Handled = true;
            Refresh();
        }
    }

    private void Refresh()
    {
        UpdateVisibility();
        foreach (var view in SubViews)
        {
            view.SetNeedsDraw();
        }
    }

    private void UpdateVisibility()
    {
        var wide = Viewport.Width >= LevelLayout.WideWidth;
        var finished = session.Phase == SessionPhase.Finished;
        learn.Visible = LearnShown;
        outcome.Visible = finished && (wide || !LearnShown);
        scatter.Visible = !outcome.Visible && (wide || !LearnShown);
    }

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        UpdateVisibility();
    }

    private LevelLayout ScreenLayout() => LevelLayout.For(new Size(Viewport.Width, Viewport.Height), LearnShown);

    private void Place(View view, Func<LevelLayout, Rectangle> pick)
    {
        view.X = Pos.Func(_ => pick(ScreenLayout()).X, this);
        view.Y = Pos.Func(_ => pick(ScreenLayout()).Y, this);
        view.Width = Dim.Func(_ => pick(ScreenLayout()).Width, this);
        view.Height = Dim.Func(_ => pick(ScreenLayout()).Height, this);
    }

    private PictureInput Picture()
    {
        var frame = session.Current;
        var playback = session.Phase == SessionPhase.Setup ? null : session.Playback;
        return new PictureInput(
            frame.Beta0,
            frame.Beta1,
            session.Start0,
            session.Start1,
            playback?.Frames,
            playback?.Index ?? 0,
            session.ShowGhost ? session.Ghost : null);
    }

    private IReadOnlyList<StyledLine> HeaderLines(int width)
    {
        var right = services.Player is { } p ? $"player {p} " : string.Empty;
        var left = new StyledLine(" ").Add(theme.Glyphs.Dot.ToString(), Ink.Dot).Add(" The Little Red Dot", Ink.Title)
            .Add("  ·  ", Ink.Dim).Add(packTitle, Ink.Dim).Add(" › ", Ink.Dim).Add(session.Definition.Title, Ink.Title);
        if (session.Workshop)
        {
            left.Add("  (workshop)", Ink.Warn);
        }

        var gap = width - left.Length - right.Length;
        if (gap > 0)
        {
            left.Add(new string(' ', gap)).Add(right, Ink.Dim);
        }

        return [left];
    }

    private IReadOnlyList<StyledLine> ControlLines(int width)
    {
        var rules = session.Rules;
        var map = valleyPicture.IsMap;
        var lines = new List<StyledLine>
        {
            ValueLine("α", session.Alpha, rules.AlphaMin, rules.AlphaMax, "+/-", "A", EditTarget.Alpha),
        };
        var (keys0, keys1) = map ? ("←/→", "↓/↑") : ("←/→", "←/→");
        if (!theme.Glyphs.Unicode)
        {
            (keys0, keys1) = map ? ("Lt/Rt", "Dn/Up") : ("Lt/Rt", "Lt/Rt");
        }

        var moves0 = LevelSession.StartMoves(rules.Beta0);
        lines.Add(moves0
            ? ValueLine("β0", session.Start0, rules.Beta0.Min, rules.Beta0.Max, keys0, "B", EditTarget.Start0)
            : FixedLine("β0", session.Start0, rules.Beta0.IsFree));
        lines.Add(LevelSession.StartMoves(rules.Beta1)
            ? ValueLine("β1", session.Start1, rules.Beta1.Min, rules.Beta1.Max, keys1, moves0 ? "Tab" : "B", EditTarget.Start1)
            : FixedLine("β1", session.Start1, rules.Beta1.IsFree));
        var last = new StyledLine();
        if (editing != EditTarget.None)
        {
            last.Key(Enter, "keep").Key("Tab", "next").Key("Esc", "cancel"); // Enter, not ⏎: an ASCII terminal shows "?" for ⏎
        }
        else if (session.Phase == SessionPhase.Running)
        {
            last.Key("Space", session.Paused ? "resume" : "pause").Key("S", "step").Key("End", "skip");
        }
        else
        {
            // H only where there are hints to show: a workshop pack hides them (issue 6).
            StyledLine Choosing(string again)
            {
                var line = new StyledLine().Key(Enter, session.Phase == SessionPhase.Finished ? again : "launch").Key("T", "story");
                return (session.HasHints ? line.Key("H", "hint") : line).Key("L", "learn");
            }

            // ASCII spells ⏎ as "Enter": at 80 columns "try again" would push "L learn" off the panel.
            last = Choosing("try again");
            if (last.Length > width)
            {
                last = Choosing("again");
            }
        }

        lines.Add(last);
        if (controls.Frame.Height >= 8)
        {
            lines.Insert(3, new StyledLine());
            lines.Insert(4, new StyledLine($"cost {OutcomeNames.CostName(rules.Cost)} · budget {rules.Budget} · par {rules.Par} · goal gap ≤ {NumberText.Short(rules.Tolerance)}", Ink.Dim));
        }

        return lines;

        StyledLine ValueLine(string name, double value, double min, double max, string stepKeys, string typeKey, EditTarget target)
        {
            var line = new StyledLine(name.PadRight(5), editing == target ? Ink.Key : Ink.Title)
                .Add(NumberText.Short(value, 6).PadRight(11), Ink.Normal)
                .Add($"in [{NumberText.Short(min)}, {NumberText.Short(max)}]", Ink.Dim);
            var pad = Math.Max(1, width - line.Length - stepKeys.Length - typeKey.Length - 2);
            return line.Add(new string(' ', pad)).Add(stepKeys, Ink.Key).Add(" ").Add(typeKey, Ink.Key);
        }

        // A free parameter whose start range is one value starts there and moves as the dot rolls; a fixed one never moves.
        static StyledLine FixedLine(string name, double value, bool free) =>
            new StyledLine(name.PadRight(5), Ink.Title).Add(NumberText.Short(value, 6).PadRight(11)).Add(free ? "start set by the level" : "fixed in this level", Ink.Dim);
    }

    private string Enter => theme.Glyphs.Unicode ? "⏎" : "Enter";

    private IReadOnlyList<StyledLine> LiveLines(int width)
    {
        var rules = session.Rules;
        var frame = session.Current;
        var (g0, g1) = session.Level.Valley.Gradient(frame.Beta0, frame.Beta1);
        var state = session.Phase switch
        {
            SessionPhase.Running when session.Paused => new StyledLine("paused", Ink.Warn),
            SessionPhase.Running => new StyledLine($"{(theme.Glyphs.Unicode ? "▶" : ">")} {NumberText.Short(session.StepsPerSecond)}/s", Ink.Good),
            SessionPhase.Finished => new StyledLine("done", Ink.Dim),
            _ => new StyledLine("ready", Ink.Dim),
        };
        var step = new StyledLine("step ", Ink.Dim).Add($"{frame.Step}", Ink.Title).Add($"/{rules.Budget} · par {rules.Par} · ", Ink.Dim);
        foreach (var s in state.Segments)
        {
            step.Add(s.Text, s.Ink);
        }

        var inGoal = frame.Gap <= rules.Tolerance;
        var cost = new StyledLine("J ", Ink.Dim).Add(NumberText.Short(frame.Cost), Ink.Normal)
            .Add(" · gap ", Ink.Dim).Add(NumberText.Short(frame.Gap), inGoal ? Ink.Good : Ink.Normal)
            .Add($" (goal {NumberText.Short(rules.Tolerance)})", Ink.Dim);
        var gradient = new StyledLine();
        if (rules.Beta0.IsFree)
        {
            gradient.Add("∂J/∂β0 ", Ink.Dim).Add(NumberText.Short(g0) + "  ");
        }

        if (rules.Beta1.IsFree)
        {
            gradient.Add("∂J/∂β1 ", Ink.Dim).Add(NumberText.Short(g1));
        }

        var bounces = new StyledLine("bounces ", Ink.Dim).Add($"{frame.Bounces}", frame.Bounces > 0 ? Ink.Warn : Ink.Normal).Add(" · best ", Ink.Dim);
        if (session.Best is { Result.Outcome: Outcome.Reached } b)
        {
            bounces.Add(Stars(b.Result.Stars), Ink.Star).Add($" {b.Result.Score}", Ink.Normal);
        }
        else if (session.Best is not null)
        {
            bounces.Add("not reached yet", Ink.Dim);
        }
        else
        {
            bounces.Add("none yet", Ink.Dim);
        }

        var lines = new List<StyledLine> { step, cost, gradient, bounces };
        var rows = live.Frame.Height - 2;
        if (rows >= 6)
        {
            if (rows >= 7)
            {
                lines.Add(new StyledLine());
            }

            lines.Add(new StyledLine($"speed {NumberText.Short(session.StepsPerSecond)} steps/s (< > while it runs)", Ink.Dim));
            var ghost = session.GhostLabel is not { } label ? "ghost: none yet (O opens a run file)"
                : session.ShowGhost ? $"ghost: {label} (G hides, O opens a file)" : $"ghost: {label}, hidden (G shows)";
            lines.Add(new StyledLine(ghost, Ink.Dim));
        }

        return lines;
    }

    private IReadOnlyList<StyledLine> OutcomeLines(int width)
    {
        if (session.Playback is not { } playback)
        {
            return [];
        }

        var result = playback.Result;
        var rules = session.Rules;
        var ink = result.Outcome switch
        {
            Outcome.Reached => Ink.Good,
            Outcome.Diverged => Ink.Bad,
            _ => Ink.Warn,
        };
        var lines = new List<StyledLine>();
        lines.AddRange(Wrapped(session.OutcomeHeadline(result), ink, width));
        var stars = new StyledLine(Stars(result.Stars), Ink.Star).Add($"  score {result.Score}", Ink.Title).Add($" · par {rules.Par}", Ink.Dim);
        var bounces = $" · {result.Bounces} {(result.Bounces == 1 ? "bounce" : "bounces")}";
        lines.Add(stars.Length + bounces.Length <= width ? stars.Add(bounces, Ink.Dim) : stars);
        lines.Add(new StyledLine());
        lines.AddRange(Wrapped(session.Lesson, Ink.Normal, width));
        var keys = new StyledLine().Key(Enter, "try again").Key("N", "next level").Key("Esc", "levels");
        if (outcome.Frame.Height - 2 >= lines.Count + 2 && keys.Length <= width)
        {
            lines.Add(new StyledLine());
            lines.Add(keys);
        }

        // A long lesson (two dials, a narrow valley) runs past the panel at 80×24: the title says PgDn reads on.
        var rows = outcome.Frame.Height - 2;
        outcome.PanelTitle = lines.Count - outcome.Scroll > rows ? "How it went (PgDn more)"
            : outcome.Scroll > 0 ? "How it went (PgUp back)"
            : "How it went";
        return lines;
    }

    private static IEnumerable<StyledLine> Wrapped(string? text, Ink ink, int width) =>
        TextWrap.Wrap(text, width).Select(l => new StyledLine(l, ink));

    private IReadOnlyList<StyledLine> LearnLines(int width) =>
        LearnSheet.Lines(session.Level, session.Alpha, session.Current, width).Select(l => new StyledLine(l)).ToArray();

    private IReadOnlyList<StyledLine> MessageLines(int width)
    {
        if (session.Message is { } m)
        {
            return [new StyledLine(" " + m, session.MessageIsWarning ? Ink.Warn : Ink.Good)];
        }

        if (editing != EditTarget.None)
        {
            var name = editing switch
            {
                EditTarget.Alpha => "α",
                EditTarget.Start0 => "the start β0",
                _ => "the start β1",
            };
            return [new StyledLine($" Type {name} and press Enter; a value outside the range is moved to its nearest end.", Ink.Key)];
        }

        if (notices.Count > 0)
        {
            return [new StyledLine(" " + notices[^1], Ink.Warn)];
        }

        return [];
    }

    private IReadOnlyList<StyledLine> KeyLines(int width)
    {
        var line = new StyledLine(" ");
        var arrows = theme.Glyphs.Unicode ? "←→↑↓" : "arrows";
        switch (session.Phase)
        {
            case SessionPhase.Running:
                line.Key("Space", session.Paused ? "resume" : "pause").Key("S", "step").Key("End", "skip").Key("<>", "speed").Key("L", "learn").Key("Esc", "levels");
                break;
            case SessionPhase.Finished:
                line.Key(Enter, "try again").Key("N", "next").Key("+/-", "α");
                if (!session.StartIsSet)
                {
                    line.Key(arrows, "start");
                }

                line.Key("L", "learn").Key("F1", "help").Key("Esc", "levels");
                break;
            default:
                line = ChoosingKeys(arrows, typeKeys: true);
                if (line.Length > width)
                {
                    // The choice panel shows A and B on their rows already; the ghost file key has nowhere else to be seen.
                    line = ChoosingKeys(arrows, typeKeys: false);
                }

                break;
        }

        return [line];
    }

    private StyledLine ChoosingKeys(string arrows, bool typeKeys)
    {
        var line = new StyledLine(" ").Key(Enter, "launch").Key("+/-", "α");
        if (!session.StartIsSet)
        {
            line.Key(arrows, "start");
        }

        if (typeKeys)
        {
            line.Key(session.StartIsSet ? "A" : "A/B", "type");
        }

        return line.Key("G", "ghost").Key("O", "open ghost").Key("F1", "help").Key("Esc", "levels");
    }

    private string Stars(int stars) =>
        new string(theme.Glyphs.StarFull, stars) + new string(theme.Glyphs.StarEmpty, 3 - stars);
}
