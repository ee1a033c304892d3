using System.IO.Abstractions;
using LittleRedDot.Cli;
using LittleRedDot.Content;
using LittleRedDot.Content.Progress;
using LittleRedDot.Logging;
using LittleRedDot.Shipped;
using Microsoft.Extensions.Logging;

// The composition root, built by hand: configuration (AppConfiguration) and logging to a file. The Generic Host did
// this before; it is not used because building its service provider was a sixth of `levels`' start in the native file
// (issue 13), and nothing here needs its container, lifetime or hosted services: `serve` builds its own web host.
var folders = UserFolders.ForCurrentUser();
var stderr = TerminalWriter.Of(new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true });

// The settings file has one reader, the game's SettingsStore (bounded, regular files only, keys compared as configuration
// compares them): configuration gets its pairs, and a broken file is reported and ignored, never fatal (issue 14).
IEnumerable<KeyValuePair<string, string?>> settings = [];
if (folders.SettingsFile is { } settingsPath)
{
    var settingsFile = new SettingsStore(new FileSystem(), settingsPath, TimeProvider.System);
    settings = settingsFile.ConfigurationPairs();
    if (settingsFile.Problem is { } problem)
    {
        stderr.WriteLine($"warning: {problem}; it is ignored");
    }
}

if (folders.Homeless)
{
    stderr.WriteLine($"warning: {UserFolders.NoHome}");
}

var configuration = AppConfiguration.Build(new FileSystem(), Path.Combine(AppContext.BaseDirectory, "appsettings.json"), settings, stderr.WriteLine);

// The log file is the one destination; it keeps Information and above, as the Host's default filter did.
using var logging = new LoggerFactory(
    folders.LogFile is { } logFile ? [new FileLoggerProvider(logFile, TimeProvider.System)] : [],
    new LoggerFilterOptions { MinLevel = LogLevel.Information });

var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupt.Cancel();
};

var context = new CliContext(
    stdout,
    stderr,
    ShippedLevels.Over(new FileSystem()),
    TimeProvider.System,
    configuration,
    logging)
{
    Cancellation = interrupt.Token,
    Folders = folders,
};
var exit = new CliApp(context).Run(args);
try
{
    context.Out.Flush();
}
catch (IOException)
{
    // Standard output was closed early (`littlereddot levels | head -1`): what was wanted has been read.
}

return interrupt.IsCancellationRequested && !context.InterruptIsNormalStop ? ExitCodes.Interrupted : exit;
