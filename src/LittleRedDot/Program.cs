using System.IO.Abstractions;
using LittleRedDot.Cli;
using LittleRedDot.Content;
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
if (SettingsFileProblem(folders.SettingsFile) is { } problem)
{
    Console.Error.WriteLine($"warning: {problem}; it is ignored");
}
else
{
    builder.Configuration.AddJsonFile(folders.SettingsFile, optional: true, reloadOnChange: false);
}

builder.Configuration.AddEnvironmentVariables();
builder.Services.AddSingleton(folders);
builder.Services.AddSingleton(ShippedLevels.Over(new FileSystem()));
builder.Services.AddSingleton(TimeProvider.System);
builder.Logging.ClearProviders();
builder.Logging.AddProvider(new FileLoggerProvider(folders.LogFile, TimeProvider.System));
using var host = builder.Build();

var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
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
stdout.Flush();
return interrupt.IsCancellationRequested && !context.InterruptIsNormalStop ? ExitCodes.Interrupted : exit;

// A settings file that is not JSON must not stop the program: say so and go on without it.
static string? SettingsFileProblem(string path)
{
    try
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object ? null : $"{path} is not a JSON object";
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
    {
        return $"{path} cannot be read as settings ({e.Message})";
    }
}
