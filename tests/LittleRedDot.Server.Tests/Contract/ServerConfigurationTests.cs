using System.Net;
using System.Net.Sockets;
using LittleRedDot.Server.Tests.Support;

namespace LittleRedDot.Server.Tests.Contract;

/// <summary>
/// RULES.md §8/§9: `serve --urls` chooses the room's address. The slim web host reads every environment variable and
/// appsettings.json into configuration, and Kestrel prefers endpoints found there to the ones it is given, so
/// Kestrel__Endpoints__Http__Url once replaced --urls without a word (attacker round 4). Oracle: the address the
/// started server reports is the one asked for, while the environment names a port that is taken (binding it would
/// fail the start).
/// </summary>
public sealed class ServerConfigurationTests : IDisposable
{
    private const string Variable = "Kestrel__Endpoints__Http__Url";
    private readonly TestPack pack = new();

    public void Dispose() => pack.Dispose();

    [Fact]
    public async Task Kestrels_endpoints_in_the_environment_never_replace_the_address_given()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var takenAddress = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        Environment.SetEnvironmentVariable(Variable, takenAddress);
        try
        {
            await using var server = await KestrelRoom.StartAsync(pack, TestPack.SavedAt);

            Assert.Equal("127.0.0.1", server.Address.Host);
            Assert.NotEqual(new Uri(takenAddress).Port, server.Address.Port);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }
}
