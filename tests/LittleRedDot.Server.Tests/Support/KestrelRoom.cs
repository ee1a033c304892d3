using LittleRedDot.Server.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LittleRedDot.Server.Tests.Support;

/// <summary>
/// The room as `serve` runs it: Kestrel on a loopback port the system picks, on a real SQLite file in the test
/// pack's folder, for what only a real server shows (a browser, raw sockets). Stopped and closed on dispose.
/// </summary>
public sealed class KestrelRoom : IAsyncDisposable
{
    private readonly Room room;
    private readonly Microsoft.AspNetCore.Builder.WebApplication app;

    private KestrelRoom(Room room, Microsoft.AspNetCore.Builder.WebApplication app)
    {
        this.room = room;
        this.app = app;
        Address = new Uri(RoomServer.Addresses(app).Single());
    }

    /// <summary>Where it listens: http://127.0.0.1:PORT.</summary>
    public Uri Address { get; }

    public static async Task<KestrelRoom> StartAsync(TestPack pack, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var room = await Room.OpenAsync(RoomStores.Sqlite(pack.PathFor("room.db")), pack.Levels, new FakeTimeProvider(now), NullLogger.Instance, CancellationToken.None);
        var app = await RoomServer.StartAsync(room, new RoomOptions { AdminToken = RoomFactory.AdminToken }, "http://127.0.0.1:0", logging => logging.SetMinimumLevel(LogLevel.Warning), CancellationToken.None);
        return new KestrelRoom(room, app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await room.DisposeAsync();
    }
}
