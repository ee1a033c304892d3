using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Theming;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// The game's one window: the level list, the level being played or a pack's leaderboard, the texts shown over them, and the
/// keys that work everywhere — F1 help, Ctrl+Q quit (exit 0), Ctrl+C quit (exit 130) anywhere, a text
/// field. Below the smallest size it shows only a request to make the window bigger.
/// </summary>
public sealed class GameWindow : Runnable, IGameHost, IChooserHost
{
    public const int MinWidth = 80;

    public const int MinHeight = 22;

    public const int ExitQuit = 0;

    public const int ExitInterrupted = 130;

    private readonly Theme theme;
    private readonly GameServices services;
    private readonly ChooserScreen chooser;
    private readonly SizeNotice sizeNotice;
    private readonly Stack<View> overlays = new();
    private LevelScreen? level;
    private BoardScreen? board;

    public GameWindow(Theme theme, GameServices services, ChooserModel model)
    {
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(model);
        this.theme = theme;
        this.services = services;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;

        // Screens and overlays are stacked by hand (KeepOrder), not as Terminal.Gui's overlapped windows.
        Arrangement = ViewArrangement.Fixed;
        SetScheme(theme.Scheme);
        chooser = new ChooserScreen(theme, model, services, this);
        sizeNotice = new SizeNotice(theme, MinWidth, MinHeight) { Width = Dim.Fill(), Height = Dim.Fill(), Visible = false };
        Add(chooser, sizeNotice);
        chooser.AddNotices(services.TakeNotices());
    }

    /// <summary>The exit code once the window has stopped: 0 for a quit, 130 for Ctrl+C.</summary>
    public int ExitCode { get; private set; } = ExitQuit;

    /// <summary>Whether the player asked to quit.</summary>
    public bool Quitting { get; private set; }

    public ChooserScreen Chooser => chooser;

    public LevelScreen? Level => level;

    /// <summary>The leaderboard screen, while it is open.</summary>
    public BoardScreen? Board => board;

    /// <summary>The text or prompt shown on top, if any.</summary>
    public View? Overlay => overlays.Count > 0 ? overlays.Peek() : null;

    public bool TooSmall => sizeNotice.Visible;

    /// <summary>
    /// What the game does first: ask the player's name if it has none, then open a level if one was named,
    /// with a run file as its ghost if one was given.
    /// </summary>
    public void Start(string? levelId, string? ghostFile = null)
    {
        chooser.SetFocus();
        if (levelId is not null && chooser.Model.SelectLevel(levelId) && chooser.Model.SelectedLevel is { } entry)
        {
            OpenLevel(entry);
            if (ghostFile is not null)
            {
                level?.OpenGhost(ghostFile);
            }
        }

        if (services.Player is null)
        {
            AskPlayer(required: true);
        }
    }

    /// <summary>Stops the game with an exit code.</summary>
    public void Quit(int exitCode)
    {
        ExitCode = exitCode;
        Quitting = true;
        level?.StopAnimation();
        App?.RequestStop();
    }

    /// <summary>Shows plain text (nothing in it is read as Markdown: a file name may hold * or _).</summary>
    public void ShowText(string title, string text) => ShowText(title, RichText.Plain(text));

    public void ShowText(string title, RichText text, PopupKey? more = null)
    {
        PopupView? popup = null;
        popup = new PopupView(theme, title, text, () => CloseOverlay(popup!), more);
        PushOverlay(popup);
    }

    public void BackToChooser()
    {
        if (level is not { } screen)
        {
            return;
        }

        level = null;
        CloseScreen(screen, refreshBests: true);
    }

    void IChooserHost.OpenLevel(LevelEntry level) => OpenLevel(level);

    void IChooserHost.EditPlayer() => AskPlayer();

    void IChooserHost.EditRunsFolder() => AskRunsFolder();

    void IChooserHost.OpenBoard() => OpenBoard();

    void IChooserHost.QuitGame() => Quit(ExitQuit);

    public void OpenNextLevel()
    {
        if (chooser.Model.NextLevel() is { } next)
        {
            BackToChooser();
            OpenLevel(next);
        }
        else
        {
            ShowText("End of the pack", "That was the last level of this pack. Esc goes back to the level list, where the next pack waits.");
        }
    }

    protected override bool OnKeyDown(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key == Key.Q.WithCtrl)
        {
            Quit(ExitQuit);
            return true;
        }

        if (key == Key.C.WithCtrl)
        {
            // Everywhere, a text field included: it interrupts, as in any terminal program (the fields here hold a number or a path, nothing worth copying).
            Quit(ExitInterrupted);
            return true;
        }

        if (key == Key.F1)
        {
            if (Overlay is null)
            {
                ShowText(HelpText.Title, HelpText.Text(theme.Glyphs.Unicode));
            }

            return true;
        }

        return base.OnKeyDown(key);
    }

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        var small = Viewport.Width < MinWidth || Viewport.Height < MinHeight;
        if (small == sizeNotice.Visible)
        {
            return;
        }

        sizeNotice.Visible = small;
        chooser.Visible = !small && level is null && board is null;
        if (level is not null)
        {
            level.Visible = !small;
        }

        if (board is not null)
        {
            board.Visible = !small;
        }

        foreach (var overlay in overlays)
        {
            overlay.Visible = !small;
        }

        if (small)
        {
            sizeNotice.CanFocus = true;
            sizeNotice.SetFocus();
        }
        else
        {
            sizeNotice.CanFocus = false;
            FocusTop();
        }
    }

    private void OpenLevel(LevelEntry entry)
    {
        if (entry.Error is { } error)
        {
            ShowText("This level cannot be played", error);
            return;
        }

        if (entry.Definition is not { } definition)
        {
            return;
        }

        var pack = chooser.Model.SelectedPack;
        var session = new LevelSession(definition, pack?.Pack.Workshop ?? false, services, pack?.Pack.Predict ?? false);
        level = new LevelScreen(theme, session, services, this, pack?.Title ?? string.Empty) { Visible = !TooSmall };
        ShowScreen(level);
        level.AddNotices(services.TakeNotices());

        // The story opens a level the first time only (before the player's first launch there); T shows it again.
        if (services.LastChoice(definition.Id) is null && services.Best(definition) is null)
        {
            level.ShowStory();
        }
    }

    /// <summary>Opens the leaderboard of the selected pack over the runs folder (B on the level list).</summary>
    private void OpenBoard()
    {
        if (chooser.Model.SelectedPack is not { } pack || board is not null)
        {
            return;
        }

        var model = new BoardModel(pack, chooser.Model.Loader, services);
        board = new BoardScreen(theme, model, CloseBoard, () => AskRunsFolder(() => board?.RefreshNow())) { Visible = !TooSmall };
        ShowScreen(board);
        board.StartRefreshing();
    }

    private void CloseBoard()
    {
        if (board is not { } screen)
        {
            return;
        }

        board = null;
        CloseScreen(screen, refreshBests: false);
    }

    /// <summary>Puts a screen (a level, a board) over the level list and gives it the keys.</summary>
    private void ShowScreen(View screen)
    {
        Add(screen);
        chooser.Visible = false;
        screen.SetFocus();
        KeepOrder();
    }

    /// <summary>Closes a screen and shows the level list again, with what happened to the files meanwhile; after a level, its new bests.</summary>
    private void CloseScreen(View screen, bool refreshBests)
    {
        Remove(screen);
        screen.Dispose();
        if (refreshBests)
        {
            chooser.Model.RefreshBests();
        }

        chooser.Visible = !TooSmall;
        chooser.AddNotices(services.TakeNotices());
        chooser.SetFocus();
        SetNeedsDraw();
    }

    private void AskPlayer() => AskPlayer(required: false);

    /// <summary>Asks for a line of text over the screen; <paramref name="accept"/> returns why an answer is refused, or null to close.</summary>
    public void Ask(string title, string question, string? suggestion, Func<string, string?> accept) =>
        Ask(title, question, suggestion, required: false, accept);

    private void Ask(string title, string question, string? suggestion, bool required, Func<string, string?> accept)
    {
        PromptView? prompt = null;
        prompt = new PromptView(theme, title, question, suggestion, required, accept, () => CloseOverlay(prompt!));
        PushOverlay(prompt);
        prompt.Focus();
    }

    private void AskPlayer(bool required)
    {
        var question = required
            ? "Welcome! What name should your runs carry? (It is kept in your settings; P on the level list changes it.)"
            : "Your name on your runs and progress (each name keeps its own progress):";
        var osUser = services.User.Name;
        var suggestion = services.Player ?? (Content.PlayerName.Check(osUser) is null ? osUser : null);
        Ask("Player", question, suggestion, required, name =>
        {
            var problem = services.SetPlayer(name);
            if (problem is null)
            {
                chooser.Model.RefreshBests();
                chooser.AddNotices(services.TakeNotices());
            }

            return problem;
        });
    }

    private void AskRunsFolder(Action? then = null)
    {
        var question = "Send every run to a workshop's room (its address, http://HOST:PORT), or save it also into a folder (a shared folder, where the leaderboard looks). Type it, or - for none:";
        Ask("Room or runs folder", question, services.Room?.Text ?? services.RunsFolder, answer =>
        {
            var problem = services.SetRunsFolderOrRoom(answer);
            if (problem is null)
            {
                chooser.AddNotices(services.TakeNotices());
                then?.Invoke();
            }

            return problem;
        });
    }

    private void PushOverlay(View overlay)
    {
        overlay.Visible = !TooSmall;
        overlays.Push(overlay);
        Add(overlay);
        overlay.SetFocus();
        KeepOrder();
        SetNeedsDraw();
    }

    private void CloseOverlay(View overlay)
    {
        if (!overlays.Contains(overlay))
        {
            return;
        }

        var kept = overlays.Where(o => o != overlay).Reverse().ToArray();
        overlays.Clear();
        foreach (var o in kept)
        {
            overlays.Push(o);
        }

        Remove(overlay);
        overlay.Dispose();
        FocusTop();
        KeepOrder();
        SetNeedsDraw();
    }

    /// <summary>
    /// Terminal.Gui draws the last subview on top, and focusing a view may move it: the screens go
    /// under the overlays, the overlays in the order they were opened, the size notice over all.
    /// </summary>
    private void KeepOrder()
    {
        if (level is not null)
        {
            MoveSubViewToStart(level);
        }

        if (board is not null)
        {
            MoveSubViewToStart(board);
        }

        MoveSubViewToStart(chooser);
        foreach (var overlay in overlays.Reverse())
        {
            MoveSubViewToEnd(overlay);
        }

        MoveSubViewToEnd(sizeNotice);
    }

    private void FocusTop()
    {
        if (Overlay is { } top)
        {
            top.SetFocus();
            if (top is PromptView prompt)
            {
                prompt.Focus();
            }
        }
        else if (level is not null)
        {
            level.SetFocus();
        }
        else if (board is not null)
        {
            board.SetFocus();
        }
        else
        {
            chooser.SetFocus();
        }
    }
}
