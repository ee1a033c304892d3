using System.IO.Abstractions;
using System.Net;
using LittleRedDot.Content.Progress;
using LittleRedDot.Content.Rooms;
using LittleRedDot.Content.Tests.TestSupport;
using LittleRedDot.Engine;
using LittleRedDot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace LittleRedDot.Content.Tests.Rooms;

/// <summary>
/// The outbox (RULES.md §9): a run the room cannot take now is kept in the data folder and sent later;
/// nothing is lost, nothing is sent again once stored, a final refusal is recorded and not retried, and a
/// claimed name's token is kept per room and player in the settings file and sent with later runs.
/// </summary>
public sealed class OutboxTests : IDisposable
{
    private static readonly RoomAddress Address = RoomAddress.Parse("http://127.0.0.1:5055");
    private readonly RunFixture fixture = new();
    private readonly FakeRoom room = new();
    private readonly HttpClient http;
    private readonly FileSystem fileSystem = new();
    private readonly FakeTimeProvider clock = new(RunFixture.SavedAt);

    public OutboxTests() => http = new HttpClient(room);

    private string Data => fixture.Temp.Combine("data");

    private string SettingsFile => fixture.Temp.Combine("config", "settings.json");

    public void Dispose()
    {
        http.Dispose();
        room.Dispose();
        fixture.Dispose();
    }

    /// <summary>A new outbox each time, as a new process (the game, or `run --submit`) would make one.</summary>
    private Outbox NewOutbox() => new(fileSystem, Data, http, new SettingsRoomTokens(new SettingsStore(fileSystem, SettingsFile, clock)), clock);

    private RunFile Run(string player, double alpha) =>
        RunRecorder.Record(fixture.Library().Find("t-01")!, new Choice(alpha, 0, 0), player, RunFixture.SavedAt);

    [Fact]
    public async Task A_run_the_room_cannot_take_waits_in_the_data_folder_and_is_delivered_once_the_room_is_up()
    {
        room.Up = false;
        var run = Run("ada", 0.1);

        var report = await NewOutbox().SubmitAsync(Address, run, CancellationToken.None);

        Assert.Equal(DeliveryStatus.NotDelivered, report.Delivery.Status);
        Assert.Null(report.NotKept);
        var waiting = Assert.Single(NewOutbox().Waiting(Address));
        Assert.Equal(RunFileWriter.ToBytes(run), File.ReadAllBytes(waiting)); // kept byte for byte: its digest still verifies
        Assert.Equal(Address, Assert.Single(NewOutbox().Rooms())); // a later process finds the room again from room.url

        room.Up = true;
        var sent = await NewOutbox().SendAllAsync(CancellationToken.None);

        Assert.Equal((1, 0), (sent.Stored, sent.Refused));
        Assert.Equal([run.Digest], room.StoredDigests);
        Assert.Empty(NewOutbox().Waiting(Address));

        // Sent once: a later start sends nothing more.
        var again = await NewOutbox().SendAllAsync(CancellationToken.None);
        Assert.Equal(0, again.Stored);
        Assert.Single(room.Requests);
    }

    [Fact]
    public async Task Runs_that_waited_go_with_the_next_submit_and_each_is_stored_once()
    {
        room.Up = false;
        var first = Run("ada", 0.1);
        var second = Run("ada", 0.05);
        await NewOutbox().SubmitAsync(Address, first, CancellationToken.None);
        await NewOutbox().SubmitAsync(Address, second, CancellationToken.None);
        Assert.Equal(2, NewOutbox().Waiting(Address).Count);

        room.Up = true;
        var third = Run("ada", 0.02);
        var report = await NewOutbox().SubmitAsync(Address, third, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Stored, report.Delivery.Status);
        Assert.Equal((2, 0, 0), (report.EarlierStored, report.EarlierRefused, report.Waiting));
        Assert.Equal(new[] { first.Digest, second.Digest, third.Digest }.Order(), room.StoredDigests.Order());
        Assert.Equal(3, room.Requests.Count); // three runs, three requests: none sent twice
    }

    [Fact]
    public async Task A_room_that_stored_a_run_but_whose_answer_was_lost_gets_it_again_and_counts_it_once()
    {
        var run = Run("ada", 0.1);

        // The room stores the run, then the answer is lost on the way back (wifi gone).
        room.Next.Enqueue(request =>
        {
            var body = request.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            room.Next.Clear();
            return new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new ByteArrayContent(body) };
        });
        var lost = await NewOutbox().SubmitAsync(Address, run, CancellationToken.None);
        Assert.Equal(DeliveryStatus.NotDelivered, lost.Delivery.Status);
        Assert.Single(NewOutbox().Waiting(Address));

        var sent = await NewOutbox().SendAllAsync(CancellationToken.None);

        Assert.Equal(1, sent.Stored);
        Assert.Equal([run.Digest], room.StoredDigests); // the room knows it by its digest: one run, once
        Assert.Empty(NewOutbox().Waiting(Address));
    }

    [Fact]
    public async Task A_refusal_is_final_recorded_with_its_reason_and_never_sent_again()
    {
        room.Next.Enqueue(_ => FakeRoom.Problem(HttpStatusCode.UnprocessableEntity, "The run does not verify", "made for another level", """, "reason": "level", "field": "level.sha256" """));
        var run = Run("ada", 0.1);

        var report = await NewOutbox().SubmitAsync(Address, run, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Refused, report.Delivery.Status);
        Assert.Empty(NewOutbox().Waiting(Address));
        var refusedFolder = Path.Combine(Data, "outbox", Address.FolderKey, "refused");
        Assert.True(File.Exists(Path.Combine(refusedFolder, run.Digest + ".run.json")));
        Assert.Equal(report.Delivery.Message + "\n", File.ReadAllText(Path.Combine(refusedFolder, run.Digest + ".reason.txt")));

        await NewOutbox().SendAllAsync(CancellationToken.None);
        Assert.Single(room.Requests);
    }

    [Fact]
    public async Task A_refusals_reason_file_holds_the_rooms_words_escaped_never_raw_control_characters()
    {
        room.Next.Enqueue(_ => FakeRoom.Problem(HttpStatusCode.Forbidden, "Name \u001b[31mclaimed", "\u0007\u001b]0;owned\u0007"));
        var run = Run("ada", 0.1);

        await NewOutbox().SubmitAsync(Address, run, CancellationToken.None);

        // Oracle: TextSafety.Escape turns ESC into the six characters \u001B and BEL into \u0007; the newline ends the file.
        var reason = File.ReadAllText(Path.Combine(Data, "outbox", Address.FolderKey, "refused", run.Digest + ".reason.txt"));
        Assert.DoesNotContain(reason[..^1], char.IsControl);
        Assert.Contains("Name \\u001B[31mclaimed", reason, StringComparison.Ordinal);
        Assert.Contains("\\u0007\\u001B]0;owned\\u0007", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_of_a_claimed_name_is_kept_per_room_and_player_and_sent_with_later_runs()
    {
        await NewOutbox().SubmitAsync(Address, Run("ada", 0.1), CancellationToken.None);
        var second = await NewOutbox().SubmitAsync(Address, Run("ada", 0.05), CancellationToken.None);
        var other = await NewOutbox().SubmitAsync(Address, Run("bob", 0.05), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Stored, second.Delivery.Status); // without the token the fake room answers 403
        Assert.Equal(DeliveryStatus.Stored, other.Delivery.Status);
        Assert.Equal([null, FakeRoom.TokenFor("ada"), null], room.Requests.Select(r => r.PlayerToken));
        var settings = new SettingsStore(fileSystem, SettingsFile, clock).Load();
        Assert.Equal(
            [new RoomToken("http://127.0.0.1:5055", "ada", FakeRoom.TokenFor("ada")), new RoomToken("http://127.0.0.1:5055", "bob", FakeRoom.TokenFor("bob"))],
            settings.RoomTokens);
    }

    [Fact]
    public async Task Sending_stops_at_the_first_run_the_room_cannot_take_and_keeps_the_rest()
    {
        room.Up = false;
        await NewOutbox().SubmitAsync(Address, Run("ada", 0.1), CancellationToken.None);
        await NewOutbox().SubmitAsync(Address, Run("ada", 0.05), CancellationToken.None);
        room.Up = true;
        room.Next.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        var sent = await NewOutbox().SendAllAsync(CancellationToken.None);

        Assert.Equal(0, sent.Stored);
        Assert.Single(room.Requests); // one try, not one per waiting run
        Assert.Equal(2, NewOutbox().Waiting(Address).Count);
    }

    [Fact]
    public async Task A_run_that_can_be_neither_kept_nor_delivered_says_so()
    {
        room.Up = false;
        File.WriteAllText(Data, "a file where the data folder should be");

        var report = await NewOutbox().SubmitAsync(Address, Run("ada", 0.1), CancellationToken.None);

        Assert.Equal(DeliveryStatus.NotDelivered, report.Delivery.Status);
        Assert.NotNull(report.NotKept);
    }

    [Fact]
    public async Task A_token_that_cannot_be_kept_is_shown_with_the_way_to_give_it_by_hand_and_that_way_works()
    {
        // The config folder is a file: the settings file (and its lock) can never be written.
        File.WriteAllText(fixture.Temp.Combine("config"), "a file where the config folder should be");

        var first = await NewOutbox().SubmitAsync(Address, Run("ada", 0.1), CancellationToken.None);

        // Oracle: the fake room's token for "ada"; the message must carry it and the option that sends it.
        var token = FakeRoom.TokenFor("ada");
        Assert.Equal(DeliveryStatus.Stored, first.Delivery.Status);
        Assert.Contains(token, first.Delivery.Message, StringComparison.Ordinal);
        Assert.Contains($"--token {token}", first.Delivery.Message, StringComparison.Ordinal);
        Assert.Contains($"{GivenRoomToken.Variable}={token}", first.Delivery.Message, StringComparison.Ordinal);

        // Without the token the fake room refuses a second run of the name (403); given by hand, it is stored.
        var byHand = new Outbox(fileSystem, Data, http, GivenRoomToken.Over(new SettingsRoomTokens(new SettingsStore(fileSystem, SettingsFile, clock)), token), clock);
        var second = await byHand.SubmitAsync(Address, Run("ada", 0.05), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Stored, second.Delivery.Status);
        Assert.Equal(token, room.Requests[^1].PlayerToken);
    }
}
