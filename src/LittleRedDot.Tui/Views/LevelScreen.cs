using System.Drawing;
using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Theming;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// The level screen: the data with the current line, the valley with the dot, the choice with its keys,
/// the run's live numbers, the outcome and its lesson, and the Learn panel. It draws what its
/// <see cref="LevelSession"/> holds and turns keys into the session's actions; an animation tick redraws
/// only the views that show the run. Its parts: the views and their places (here), the keys
/// (<c>LevelScreen.Commands.cs</c>), the panels' lines (<c>LevelScreen.Panels.cs</c>) and the animation
/// (<c>LevelScreen.Animation.cs</c>).
/// </summary>
public sealed partial class LevelScreen : View
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
    private readonly WhyPicture whyPicture;
    private readonly CanvasView why;
    private readonly PanelView outcome;

    private readonly PanelView controls;
    private readonly PanelView live;
    private readonly PanelView message;
    private readonly PanelView keys;
    private readonly TextField editBox;
    private readonly List<string> notices = [];

    /// <summary>The cells the box a value is typed in takes on its row (the range label is drawn right of it).</summary>
    private const int EditBoxWidth = 14;
    private EditTarget editing;

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
        learn = new PanelView(theme, LearnLines) { PanelTitle = "Learn 1/2 · PgDn · L: why α" };
        whyPicture = new WhyPicture(session.Level, theme.Glyphs);
        why = new CanvasView(theme, RenderWhy);
        outcome = new PanelView(theme, OutcomeLines) { PanelTitle = "How it went" };
        controls = new PanelView(theme, ControlLines) { PanelTitle = "Your choice" };
        live = new PanelView(theme, LiveLines) { PanelTitle = "The run" };
        message = new PanelView(theme, MessageLines) { Framed = false };
        keys = new PanelView(theme, KeyLines) { Framed = false };
        editBox = new TextField { Visible = false, CanFocus = false, Width = EditBoxWidth, Height = 1 };
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
        // The picture of why needs room for two directions side by side: below 140 columns it takes both pictures' place.
        Place(why, l => l.Side ?? Rectangle.Union(l.Left, l.Valley));
        // After a run the outcome takes the valley's place, so that the data plot keeps the fitted line in view at every size.
        Place(outcome, l => l.Valley);
        Place(controls, l => l.Controls);
        Place(live, l => l.Live);
        Place(message, l => l.Message);
        Place(keys, l => l.Keys);
        editBox.X = Pos.Func(_ => ScreenLayout().Controls.X + 2 + 5, this);
        editBox.Y = Pos.Func(_ => ScreenLayout().Controls.Y + 1 + FieldRow(editing), this);
        Add(header, scatter, valley, learn, why, outcome, controls, live, message, keys, editBox);
        valley.MouseEvent += OnValleyMouse;
        SetupCommands();
        UpdateVisibility();
    }

    public LevelSession Session => session;

    /// <summary>Whether the Learn panel is showing (either page).</summary>
    public bool LearnShown => LearnPage != 0;

    /// <summary>The Learn panel's page: 0 closed, 1 this step's formulas, 2 the picture of why α does what it does.</summary>
    public int LearnPage { get; private set; }

    /// <summary>The value being typed, if any.</summary>
    public EditTarget Editing => editing;

    /// <summary>The panel with the outcome and its lesson (shown once a run is over).</summary>
    public View OutcomePanel => outcome;

    /// <summary>Takes notices (file problems) to show in the message row.</summary>
    public void AddNotices(IEnumerable<string> lines)
    {
        notices.AddRange(lines);
        message.SetNeedsDraw();
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
        var story = MarkdownText.Parse(spec.Story, theme.Glyphs.Unicode);
        var credits = MarkdownText.Parse(spec.Credits, theme.Glyphs.Unicode).Prefixed(new Segment("Data: ", Ink.Dim));
        host.ShowText(spec.Title, story.Then(RichText.Plain(session.Goal).Prefixed(new Segment("Your move: ", Ink.Title))).Then(credits));
    }

    /// <summary>
    /// The panels of <see cref="LevelLayout"/> tile the whole screen and each paints every cell it owns. The
    /// window behind has just been cleared to the normal attribute, which lets the panels skip their blank
    /// cells; clearing again here would only write every cell a second time.
    /// </summary>
    protected override bool OnClearingViewport() => true;

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        UpdateVisibility();
    }

    private void Refresh()
    {
        UpdateVisibility();
        SetNeedsLayout();
        foreach (var view in SubViews)
        {
            view.SetNeedsDraw();
        }
    }

    private void UpdateVisibility()
    {
        var wide = Viewport.Width >= LevelLayout.WideWidth;
        var finished = session.Phase == SessionPhase.Finished;
        var whyWide = LearnPage == 2 && !wide;
        learn.Visible = LearnPage == 1;
        why.Visible = LearnPage == 2;
        outcome.Visible = finished && !whyWide;
        valley.Visible = !finished && !whyWide;
        scatter.Visible = wide || !LearnShown;
    }

    private LevelLayout ScreenLayout() => LevelLayout.For(new Size(Viewport.Width, Viewport.Height), LearnShown, MessageText(Viewport.Width).Count);

    /// <summary>
    /// The message, wrapped to the screen's width less its one-column margin: at most two rows, the second ending
    /// in an ellipsis when even two cannot hold it all.
    /// </summary>
    private IReadOnlyList<string> MessageText(int width)
    {
        var room = Math.Max(width - 1, 1);
        var lines = RichText.Wrap(session.Message, room);
        if (lines.Count <= LevelLayout.MaxMessageRows)
        {
            return lines;
        }

        var last = LevelLayout.MaxMessageRows - 1;
        var rest = string.Join(' ', lines.Skip(last));
        return [.. lines.Take(last), CellCanvas.Fit(rest, room, theme.Glyphs.Ellipsis)];
    }

    private void Place(View view, Func<LevelLayout, Rectangle> pick)
    {
        view.X = Pos.Func(_ => pick(ScreenLayout()).X, this);
        view.Y = Pos.Func(_ => pick(ScreenLayout()).Y, this);
        view.Width = Dim.Func(_ => pick(ScreenLayout()).Width, this);
        view.Height = Dim.Func(_ => pick(ScreenLayout()).Height, this);
    }
}
