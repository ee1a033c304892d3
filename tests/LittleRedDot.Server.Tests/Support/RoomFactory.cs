using LittleRedDot.Server.Http;
using LittleRedDot.Server.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LittleRedDot.Server.Tests.Support;

/// <summary>
/// The room in-process (WebApplicationFactory): the same services and pipeline as `serve`, on a real
/// database, with a fake clock, in the production environment (no developer error pages).
/// </summary>
public sealed class RoomFactory(TestPack pack, TestDatabase database, FakeTimeProvider time, RoomOptions? options = null, Func<IRoomStore, IRoomStore>? wrap = null) : WebApplicationFactory<RoomFactory>
{
    public const string AdminToken = "test-admin-token";

    private Room? room;

    public Room Room => room ?? throw new InvalidOperationException("the room starts with the first client");

    /// <summary>A bare host: WebApplicationFactory adds the web host (test server) and calls <see cref="ConfigureWebHost"/>.</summary>
    protected override IHostBuilder CreateHostBuilder() => new HostBuilder();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        room = Room.OpenAsync(wrap is null ? database.Store() : wrap(database.Store()), pack.Levels, time, NullLogger.Instance, CancellationToken.None).GetAwaiter().GetResult();
        var served = options ?? new RoomOptions { AdminToken = AdminToken, Burst = 10_000, RequestsPerSecond = 10_000 };
        builder
            .UseEnvironment(Environments.Production)
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureServices(services => RoomApp.AddRoom(services, room, served))
            .Configure(RoomApp.UseRoom);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (room is not null)
        {
            await room.DisposeAsync();
        }
    }
}
