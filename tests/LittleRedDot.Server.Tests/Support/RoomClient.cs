using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LittleRedDot.Server.Tests.Support;

/// <summary>What a player's client and the facilitator send, over an HttpClient of the in-process room.</summary>
public sealed class RoomClient(HttpClient http)
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> Submit(byte[] run, string? token = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = new ByteArrayContent(run) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (token is not null)
        {
            request.Headers.Add("X-Player-Token", token);
        }

        return http.SendAsync(request);
    }

    /// <summary>Submits and expects 201; the token the room returned.</summary>
    public async Task<string> Accepted(byte[] run, string? token = null)
    {
        using var answer = await Submit(run, token);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)answer.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("verified").GetBoolean());
        return json.RootElement.GetProperty("token").GetString()!;
    }

    public async Task<JsonElement> Board()
    {
        using var answer = await http.GetAsync("/api/board");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public Task<HttpResponseMessage> Round(string action, string? at = null, string? token = RoomFactory.AdminToken) =>
        AdminPost("/api/round", at is null ? $$"""{ "action": "{{action}}" }""" : $$"""{ "action": "{{action}}", "at": "{{at}}" }""", token);

    public Task<HttpResponseMessage> Release(string player, string? token = RoomFactory.AdminToken) =>
        AdminPost("/api/release", JsonSerializer.Serialize(new Dictionary<string, string> { ["player"] = player }, RoomTestJson.Default.DictionaryStringString), token);

    public async Task<string[]> Export(long? round = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, round is null ? "/api/export" : $"/api/export?round={round}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RoomFactory.AdminToken);
        using var answer = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var text = await answer.Content.ReadAsStringAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public Task<HttpResponseMessage> AdminPost(string path, string json, string? token = RoomFactory.AdminToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http.SendAsync(request);
    }
}
