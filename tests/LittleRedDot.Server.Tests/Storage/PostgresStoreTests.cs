using LittleRedDot.Server.Storage;
using LittleRedDot.Server.Tests.Support;

namespace LittleRedDot.Server.Tests.Storage;

public sealed class PostgresStoreTests : StoreTests
{
    protected override TestDatabase CreateDatabase(TestPack pack) => new PostgresDatabase();

    [Fact]
    public async Task A_server_that_is_not_there_cannot_be_opened_and_says_so_without_the_password()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        await using var store = RoomStores.Open("Host=127.0.0.1;Port=1;Database=room;Username=u;Password=hunter2;Timeout=5");
        var error = await Assert.ThrowsAsync<RoomStoreException>(() => store.OpenAsync(CancellationToken.None));
        Assert.Contains("cannot be opened", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
