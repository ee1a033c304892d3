using System.IO.Abstractions;
using BenchmarkDotNet.Attributes;
using LittleRedDot.Content;
using LittleRedDot.Content.Progress;
using LittleRedDot.Engine;
using LittleRedDot.Tui;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Theming;
using LittleRedDot.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace LittleRedDot.Benchmarks;

/// <summary>
/// The in-game leaderboard reads the runs folder on the UI thread every 2 s (BoardModel.RefreshInterval):
/// what one refresh costs for a room of 100 players who each saved a run on every level of the first pack
/// (600 files, nothing new since the last look — the common case), and one forced frame of the board at 80×24.
/// </summary>
public class BoardBenchmarks
{
    private const int Players = 100;

    private readonly string data = Fixtures.TempFolder("board-data");
    private readonly string runs = Fixtures.TempFolder("board-runs");
    private BoardModel model = null!;
    private IApplication app = null!;
    private GameWindow window = null!;

    [GlobalSetup]
    public void Setup()
    {
        var fs = new FileSystem();
        var clock = TimeProvider.System;
        var library = new LevelLibrary(fs, Fixtures.ShippedLevels());
        var pack = library.Catalog.Packs().First(p => p.Folder.EndsWith("01-the-article", StringComparison.Ordinal));
        foreach (var file in Directory.GetFiles(runs))
        {
            File.Delete(file);
        }

        var saved = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        foreach (var levelFile in pack.LevelFiles)
        {
            var level = library.Loader.Load(library.Loader.ReadSpec(levelFile));
            var rules = level.Level.Rules;
            for (var p = 0; p < Players; p++)
            {
                // A spread of α over the level's range; each start mid-range.
                var alpha = rules.AlphaMin + ((rules.AlphaMax - rules.AlphaMin) * (p % 10) / 10.0);
                var choice = new Choice(alpha, Start(rules.Beta0), Start(rules.Beta1));
                var run = RunRecorder.Record(level, choice, $"player{p}", saved);
                File.WriteAllBytes(Path.Combine(runs, $"{level.Id}.player{p}.run.json"), RunFileWriter.ToBytes(run));
            }
        }

        var services = new GameServices(fs, clock, new SettingsStore(fs, Path.Combine(data, "settings.json"), clock), data, new UserAccount("bench", data), "bench", runs);
        var chooser = new ChooserModel(library.Loader, library.Catalog.Packs(), services);
        model = new BoardModel(chooser.Packs[0], library.Loader, services);
        model.Refresh(); // the first look verifies every file; the benchmark is the looks after it

        app = Application.Create(new VirtualTimeProvider());
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(80, 24);
        GameApp.ConfigureKeys(app);
        window = new GameApp(new Theme(new TerminalTraits(Color: true, Unicode: true)), services, chooser).CreateWindow();
        app.Begin(window);
        window.Start(null);
        app.InjectKey(Key.B);
        app.LayoutAndDraw(forceRedraw: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        window.Dispose();
        app.Dispose();
    }

    [Benchmark(Description = "the board: a refresh of 600 run files with nothing new")]
    public void Refresh() => model.Refresh();

    [Benchmark(Description = "the board screen: forced redraw at 80x24")]
    public void Draw() => app.LayoutAndDraw(forceRedraw: true);

    private static double Start(ParameterRule rule) => rule.IsFixed ? rule.Value : (rule.Min + rule.Max) / 2;
}
