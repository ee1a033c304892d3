using LittleRedDot.Server.Storage;
using LittleRedDot.Server.Tests.Support;

namespace LittleRedDot.Server.Tests.Storage;

public sealed class SqliteStoreTests : StoreTests
{
    protected override TestDatabase CreateDatabase(TestPack pack) => new SqliteDatabase(pack);

    [Fact]
    public async Task A_file_in_a_missing_folder_cannot_be_opened_and_says_so()
    {
        await using var store = RoomStores.Open(Pack.PathFor("no/such/folder/room.db"));
        var error = await Assert.ThrowsAsync<RoomStoreException>(() => store.OpenAsync(CancellationToken.None));
        Assert.Contains("cannot be opened", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
