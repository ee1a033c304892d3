using System.IO.Abstractions;
using LittleRedDot.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The composition root: the Generic Host gives configuration (appsettings.json beside the program,
// the user's settings file, LITTLEREDDOT__* environment variables), logging to a file and DI.
var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
builder.Configuration
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddEnvironmentVariables();
builder.Services.AddSingleton<IFileSystem, FileSystem>();
builder.Services.AddSingleton(TimeProvider.System);
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
    host.Services.GetRequiredService<IConfiguration>())
{
    Cancellation = interrupt.Token,
};
var exit = new CliApp(context).Run(args);
stdout.Flush();
return interrupt.IsCancellationRequested ? ExitCodes.Interrupted : exit;
