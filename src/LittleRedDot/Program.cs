using System.IO.Abstractions;
using LittleRedDot.Cli;
using LittleRedDot.Content;
using LittleRedDot.Content.Progress;
using LittleRedDot.Logging;
using LittleRedDot.Shipped;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The composition root: the Generic Host gives configuration (appsettings.json beside the program,
// the user's settings file, LITTLEREDDOT__* environment variables), logging to a file and DI.
var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
var folders = UserFolders.ForCurrentUser();
builder.Configuration
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
var stderr = TerminalWriter.Of(new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true });

// The settings file has one reader, the game's SettingsStore (bounded, regular files only, keys compared as configuration
// compares them): configuration gets its pairs, and a broken file is reported and ignored, never fatal (issue 14).
if (folders.SettingsFile is { } settingsPath)
{
    var settingsFile = new SettingsStore(new FileSystem(), settingsPath, TimeProvider.System);
    builder.Configuration.AddInMemoryCollection(settingsFile.ConfigurationPairs());
    if (settingsFile.Problem is { } problem)
    {
        stderr.WriteLine($"warning: {problem}; it is ignored");
    }
}

if (folders.Homeless)
{
    stderr.WriteLine($"warning: {UserFolders.NoHome}");
}

builder.Configuration.AddEnvironmentVariables();
builder.Services.AddSingleton(folders);
builder.Services.AddSingleton(ShippedLevels.Over(new FileSystem()));
builder.Services.AddSingleton(TimeProvider.System);
builder.Logging.ClearProviders();
if (folders.LogFile is { } logFile)
{
    builder.Logging.AddProvider(new FileLoggerProvider(logFile, TimeProvider.System));
}
using var host = builder.Build();

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
    host.Services.GetRequiredService<IFileSystem>(),
    host.Services.GetRequiredService<TimeProvider>(),
    host.Services.GetRequiredService<IConfiguration>(),
    host.Services.GetRequiredService<ILoggerFactory>())
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
