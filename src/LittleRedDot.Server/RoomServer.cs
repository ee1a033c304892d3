using System.Net.Sockets;
using LittleRedDot.Server.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace LittleRedDot.Server;

/// <summary>
/// Serves a room on Kestrel (RULES.md §9 `serve`): the slim host (NativeAOT), no configuration read from
/// the environment or files beyond what is handed in, the production error pages (no stack trace ever leaves).
/// </summary>
public static class RoomServer
{
    /// <summary>How long a stop waits for requests in flight.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Starts serving <paramref name="room"/> at <paramref name="urls"/> (';'-separated) and returns the running app.</summary>
    /// <exception cref="RoomStartException">The address is taken, cannot be used, or is not an address (a port beyond 65535).</exception>
    public static async Task<WebApplication> StartAsync(Room room, RoomOptions options, string urls, Action<ILoggingBuilder> logging, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(logging);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The slim builder reads appsettings.json and every environment variable into configuration, and Kestrel takes
        // its endpoints from there over UseUrls: Kestrel__Endpoints__Http__Url silently replaced --urls (attacker round 4),
        // and could have opened the room to the network. The room is configured by its arguments only.
        foreach (var source in builder.Configuration.Sources.Where(s => s is EnvironmentVariablesConfigurationSource or FileConfigurationSource).ToList())
        {
            builder.Configuration.Sources.Remove(source);
        }

        builder.Logging.ClearProviders();
        logging(builder.Logging);

        // A line per request would cost more than verifying the run: the framework logs only its warnings.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RoomOptions.MaxBodyBytes;

            // What Kestrel refuses before the app sees it is a problem too (RULES.md §9).
            kestrel.ConfigureEndpointDefaults(KestrelRejections.Watch);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        RoomApp.AddRoom(builder.Services, room, options);
        var app = builder.Build();
        RoomApp.UseRoom(app);
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidOperationException or FormatException or ArgumentException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            var why = e switch
            {
                IOException { InnerException: { } inner } => inner.Message,

                // Kestrel's own parse of the address: a port out of range surfaces as the argument 'port'.
                ArgumentException => "not an address to listen on; expected http://HOST:PORT with a port from 0 to 65535",
                _ => e.Message,
            };
            throw new RoomStartException($"cannot serve at {urls} (--urls): {why.ReplaceLineEndings(" ").Trim()}", e);
        }

        return app;
    }

    /// <summary>The addresses the server listens on (a port 0 resolved to the real one).</summary>
    public static IReadOnlyCollection<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
    }
}
