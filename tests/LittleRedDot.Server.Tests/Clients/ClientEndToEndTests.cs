using System.IO.Abstractions;
using System.Net.Sockets;
using System.Text;
using LittleRedDot.Content;
using LittleRedDot.Content.Progress;
using LittleRedDot.Content.Rooms;
using LittleRedDot.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Client = LittleRedDot.Content.Rooms.RoomClient;

namespace LittleRedDot.Server.Tests.Clients;

/// <summary>
/// The players' client (Content's room client and outbox, as the game and `run --submit` use them) against
/// the real room in-process on a real SQLite file: runs kept while the room is down are delivered once it is
/// up, each counted once; names, tampering and closed rounds are refused with the room's reason; the
/// facilitator's round actions and export go through. Scores come from the engine that recorded the runs.
/// </summary>
public sealed class ClientEndToEndTests : IAsyncDisposable
{
    private static readonly RoomAddress Address = RoomAddress.Parse("http://localhost");
    private readonly TestPack pack = new();
    private readonly SqliteDatabase database;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly Switch network = new();
    private readonly HttpClient http;
    private readonly FileSystem fileSystem = new();
    private RoomFactory? factory;

    public ClientEndToEndTests()
    {
        database = new SqliteDatabase(pack);
        http = new HttpClient(network);
    }

    public async ValueTask DisposeAsync()
    {
        await StopRoom();
        http.Dispose();
        network.Dispose();
        database.Dispose();
        pack.Dispose();
    }

    /// <summary>Starts the room on the test's database (again, after a stop: a restart) and lets the network reach it.</summary>
    private void StartRoom()
    {
        factory = new RoomFactory(pack, database, time);
        network.Target = factory.Server.CreateHandler();
    }

    private async Task StopRoom()
    {
        network.Target = null;
        if (factory is not null)
        {
            await factory.DisposeAsync();
            factory = null;
        }
    }

    /// <summary>A player's outbox: their own data folder and settings file, as a fresh process would open them.</summary>
    private Outbox OutboxOf(string player) =>
        new(fileSystem, pack.PathFor($"{player}-data"), http, new SettingsRoomTokens(new SettingsStore(fileSystem, pack.PathFor($"{player}-settings.json"), time)), time);

    private Client Client() => new(http, Address, time);

    [Fact]
    public async Task Runs_kept_while_the_room_is_down_are_delivered_once_it_is_up_and_counted_once()
    {
        var first = pack.Record("ada", "t-01");
        var second = pack.Record("ada", "t-02");
        var report = await OutboxOf("ada").SubmitAsync(Address, first, CancellationToken.None);
        Assert.Equal(DeliveryStatus.NotDelivered, report.Delivery.Status);
        await OutboxOf("ada").SubmitAsync(Address, second, CancellationToken.None);
        Assert.Equal(2, OutboxOf("ada").Waiting(Address).Count);

        StartRoom();
        var sent = await OutboxOf("ada").SendAllAsync(CancellationToken.None);

        Assert.Equal((2, 0), (sent.Stored, sent.Refused));
        Assert.Empty(OutboxOf("ada").Waiting(Address));
        var board = (await Client().BoardAsync(CancellationToken.None)).Snapshot;
        var ada = Assert.Single(board.Players);
        Assert.Equal(first.Result!.Score + second.Result!.Score, ada.Score); // the engine's scores, summed (§4)
        Assert.Equal(["t-01", "t-02"], board.LevelIds); // the room's pack, in its order
        Assert.Equal("Room test pack", board.PackTitle);

        // The same run again (its answer lost on the way back): the room knows it by its digest.
        var again = await Client().SubmitAsync(RunFileWriter.ToBytes(first), new SettingsStore(fileSystem, pack.PathFor("ada-settings.json"), time).Load().RoomTokenFor(Address.Text, "ada"), CancellationToken.None);
        Assert.Equal(DeliveryStatus.Stored, again.Status);
        var after = Assert.Single((await Client().BoardAsync(CancellationToken.None)).Snapshot.Players);
        Assert.Equal(ada.Score, after.Score);
    }

    [Fact]
    public async Task A_restart_of_the_room_loses_nothing_and_a_run_sent_meanwhile_waits()
    {
        StartRoom();
        Assert.Equal(DeliveryStatus.Stored, (await OutboxOf("ada").SubmitAsync(Address, pack.Record("ada", "t-01"), CancellationToken.None)).Delivery.Status);
        await StopRoom();
        var meanwhile = await OutboxOf("bob").SubmitAsync(Address, pack.Record("bob", "t-01", new Engine.Choice(0.05, 0, 0)), CancellationToken.None);
        Assert.Equal(DeliveryStatus.NotDelivered, meanwhile.Delivery.Status);

        StartRoom();
        var sent = await OutboxOf("bob").SendAllAsync(CancellationToken.None);

        Assert.Equal(1, sent.Stored);
        Assert.Equal(["ada", "bob"], (await Client().BoardAsync(CancellationToken.None)).Snapshot.Players.Select(p => p.Player).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_claimed_name_needs_its_token_which_the_client_keeps_and_sends()
    {
        StartRoom();
        await OutboxOf("ada").SubmitAsync(Address, pack.Record("ada", "t-01"), CancellationToken.None);

        var mine = await OutboxOf("ada").SubmitAsync(Address, pack.Record("ada", "t-02"), CancellationToken.None);
        var impostor = await OutboxOf("eve").SubmitAsync(Address, pack.Record("ada", "t-02", new Engine.Choice(0.05, 0, 0)), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Stored, mine.Delivery.Status); // ada's own settings hold the token the first run claimed
        Assert.Equal(DeliveryStatus.Refused, impostor.Delivery.Status);
        Assert.Equal(403, impostor.Delivery.HttpStatus);
        Assert.Single(Directory.GetFiles(Path.Combine(OutboxOf("eve").Folder, Address.FolderKey, "refused"), "*.run.json")); // recorded, not retried
        Assert.Empty(OutboxOf("eve").Waiting(Address));
    }

    [Fact]
    public async Task A_tampered_run_is_refused_with_replays_reason_and_field()
    {
        StartRoom();
        var honest = pack.Record("ada", "t-01");
        var tampered = TestPack.Edit(RunFileWriter.ToBytes(honest), $"\"score\": {honest.Result!.Score}", "\"score\": 10000");

        var delivery = await Client().SubmitAsync(tampered, null, CancellationToken.None);

        Assert.Equal((DeliveryStatus.Refused, 422), (delivery.Status, delivery.HttpStatus));
        Assert.False(string.IsNullOrEmpty(delivery.Reason));
        Assert.False(string.IsNullOrEmpty(delivery.Field));
        Assert.Contains(delivery.Detail!, delivery.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_round_is_driven_with_the_admin_token_and_a_closed_round_refuses_runs()
    {
        StartRoom();
        await OutboxOf("ada").SubmitAsync(Address, pack.Record("ada", "t-01"), CancellationToken.None);

        var wrong = await Assert.ThrowsAsync<RoomException>(() => Client().RoundAsync(RoundAction.Close, null, "not-the-token", CancellationToken.None));
        Assert.Equal(401, wrong.Status);
        await Client().RoundAsync(RoundAction.Close, null, RoomFactory.AdminToken, CancellationToken.None);
        var late = await OutboxOf("bob").SubmitAsync(Address, pack.Record("bob", "t-01"), CancellationToken.None);
        var board = await Client().BoardAsync(CancellationToken.None);
        var export = Encoding.UTF8.GetString(await Client().ExportAsync(RoomFactory.AdminToken, CancellationToken.None));

        Assert.Equal((DeliveryStatus.Refused, 409), (late.Delivery.Status, late.Delivery.HttpStatus));
        Assert.True(board.Closed);
        Assert.Single(export.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // ada's run; bob's came after the close
    }

    /// <summary>The network between the players and the room: to the room when it is up, a refused connection when it is down.</summary>
    private sealed class Switch : HttpMessageHandler
    {
        private HttpMessageInvoker? target;

        public HttpMessageHandler? Target
        {
            set => target = value is null ? null : new HttpMessageInvoker(value, disposeHandler: false);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            target is { } t
                ? t.SendAsync(request, cancellationToken)
                : throw new HttpRequestException("Connection refused (localhost:80)", new SocketException((int)SocketError.ConnectionRefused));
    }
}
