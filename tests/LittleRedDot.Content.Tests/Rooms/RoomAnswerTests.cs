using System.Net;
using System.Text;
using System.Text.Json;
using LittleRedDot.Content.Progress;
using LittleRedDot.Content.Rooms;
using LittleRedDot.Content.Tests.TestSupport;
using LittleRedDot.Engine;
using LittleRedDot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace LittleRedDot.Content.Tests.Rooms;

/// <summary>
/// Issue 14, round two: the client believes a room only in the words of RULES.md §9. A run counts as stored on 201
/// <c>{ "verified": true, "token": T }</c> or 200 <c>{ "verified": true, "alreadyStored": true }</c>, and a token is
/// kept only in the shape a room makes (<see cref="PlayerToken"/>); anything else keeps the run in the outbox and
/// nothing in the settings.
/// </summary>
public sealed class RoomAnswerTests : IDisposable
{
    private static readonly RoomAddress Address = RoomAddress.Parse("http://127.0.0.1:5055");
    private static readonly string Good = FakeRoom.TokenFor("ada");
    private readonly RunFixture fixture = new();
    private readonly FakeRoom room = new();
    private readonly HttpClient http;
    private readonly FakeTimeProvider clock = new(RunFixture.SavedAt);
    private readonly System.IO.Abstractions.FileSystem fileSystem = new();

    public RoomAnswerTests() => http = new HttpClient(room);

    private string SettingsFile => fixture.Temp.Combine("config", "settings.json");

    public void Dispose()
    {
        http.Dispose();
        room.Dispose();
        fixture.Dispose();
    }

    public static TheoryData<string, int, string, string> Unexpected() => new()
    {
        // name, status, body, the words that say what was wrong
        { "empty object", 201, "{}", "it does not say \"verified\": true" },
        { "not verified", 201, """{"verified":false}""", "it does not say \"verified\": true" },
        { "verified as a string", 201, """{"verified":"true","token":"x"}""", "not a room's JSON" },
        { "201 without a token", 201, """{"verified":true}""", "a 201 without the name's token" },
        { "200 not already stored", 200, $$"""{"verified":true,"token":"{{Good}}"}""", "a 200 that does not say \"alreadyStored\": true" },
        { "202", 202, $$"""{"verified":true,"token":"{{Good}}"}""", "HTTP 202, which a room never sends for a run" },
        { "token with CR LF", 201, """{"verified":true,"token":"abcdefghijklmnopqrstuvwxyz\r\nX-Evil: 1"}""", "a token that is not a room's" },
        { "token not ASCII", 201, """{"verified":true,"token":"tøken é tøken é tøken é tøken"}""", "a token that is not a room's" },
        { "token too short", 201, """{"verified":true,"token":"abc"}""", "a token that is not a room's" },
        { "token of 5 MB", 201, $$"""{"verified":true,"token":"{{new string('A', 5_000_000)}}"}""", "a token that is not a room's" },
        { "token a number", 201, """{"verified":true,"token":42}""", "not a room's JSON" },
    };

    [Theory]
    [MemberData(nameof(Unexpected))]
    public async Task An_answer_not_in_section_9s_words_leaves_the_run_in_the_outbox_and_keeps_no_token(string name, int status, string body, string words)
    {
        room.Next.Enqueue(_ => FakeRoom.Json((HttpStatusCode)status, body));
        var run = Run("ada");

        var report = await NewOutbox().SubmitAsync(Address, run, CancellationToken.None);

        Assert.True(report.Delivery.Status == DeliveryStatus.NotDelivered, $"{name}: {report.Delivery}");
        Assert.Contains($"answered something unexpected (HTTP {status}: {words}", report.Delivery.Message, StringComparison.Ordinal);
        Assert.Null(report.Delivery.Token);
        Assert.Single(NewOutbox().Waiting(Address)); // still there, to go again
        Assert.Empty(Store().Load().RoomTokens);
        Assert.False(File.Exists(SettingsFile) && new FileInfo(SettingsFile).Length > 4096, $"{name}: the settings file grew");
    }

    [Theory]
    [InlineData(201, """{"verified":true,"token":"TOKEN"}""", true)]
    [InlineData(200, """{"verified":true,"alreadyStored":true}""", false)]
    [InlineData(200, """{"verified":true,"token":"TOKEN","alreadyStored":true}""", true)]
    public async Task The_two_shapes_of_section_9_are_stored_and_their_token_kept(int status, string body, bool withToken)
    {
        room.Next.Enqueue(_ => FakeRoom.Json((HttpStatusCode)status, body.Replace("TOKEN", Good, StringComparison.Ordinal)));

        var report = await NewOutbox().SubmitAsync(Address, Run("ada"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Stored, report.Delivery.Status);
        Assert.Empty(NewOutbox().Waiting(Address));
        Assert.Equal(withToken ? Good : null, Store().Load().RoomTokenFor(Address.Text, "ada"));
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz\r\nX-Evil: 1")]
    [InlineData("tøken é tøken é tøken é tøken")]
    [InlineData("short")]
    public async Task A_bad_token_already_in_the_settings_is_neither_read_nor_sent_and_crashes_nothing(string bad)
    {
        // Written by an older client that kept whatever came back.
        Directory.CreateDirectory(Path.GetDirectoryName(SettingsFile)!);
        var settings = new { LittleRedDot = new { Player = "ada", RoomTokens = new[] { new { room = Address.Text, player = "ada", token = bad } } } };
        File.WriteAllText(SettingsFile, JsonSerializer.Serialize(settings));

        Assert.Null(Store().Load().RoomTokenFor(Address.Text, "ada"));
        var delivery = await new RoomClient(http, Address).SubmitAsync(RunFileWriter.ToBytes(Run("ada")), bad, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Stored, delivery.Status);
        Assert.Null(Assert.Single(room.Requests).PlayerToken);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("abcdefghijklmnopqrstu", false)] // 21 characters
    [InlineData("abcdefghijklmnopqrstuv", true)] // 22
    [InlineData("AZaz09-_AZaz09-_AZaz09-_AZaz09-_", true)]
    [InlineData("abcdefghijklmnopqrstuv=", false)] // padding is not base64url's
    [InlineData("abcdefghijklmnopqrstuv/", false)] // nor is base64's '/'
    public void A_token_has_the_shape_a_room_makes(string token, bool wellFormed)
    {
        Assert.Equal(wellFormed, PlayerToken.IsWellFormed(token));
    }

    [Fact]
    public void Lengths_at_the_bounds_are_in_and_one_past_is_out()
    {
        Assert.True(PlayerToken.IsWellFormed(new string('a', PlayerToken.MaxLength)));
        Assert.False(PlayerToken.IsWellFormed(new string('a', PlayerToken.MaxLength + 1)));
    }

    private SettingsStore Store() => new(fileSystem, SettingsFile, clock);

    private Outbox NewOutbox() => new(fileSystem, fixture.Temp.Combine("data"), http, new SettingsRoomTokens(Store()), clock);

    private RunFile Run(string player) =>
        RunRecorder.Record(fixture.Library().Find("t-01")!, new Choice(0.1, 0, 0), player, RunFixture.SavedAt);
}
