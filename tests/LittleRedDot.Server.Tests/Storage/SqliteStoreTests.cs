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

    [Fact]
    public async Task A_second_store_on_the_same_file_is_refused_while_the_first_is_open_and_taken_once_it_closes()
    {
        var first = Database.Store();
        await first.OpenAsync(CancellationToken.None);

        // Two writers on one file would take the same ids: the second one must not start (RULES.md §9, exit 2 in serve).
        await using (var second = Database.Store())
        {
            var error = await Assert.ThrowsAsync<RoomStoreException>(() => second.OpenAsync(CancellationToken.None));
            Assert.Contains("is in use by another serve (pid unknown); stop it or use --db another file", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }

        await first.DisposeAsync();
        await using var third = Database.Store();
        // Oracle: nothing was committed, so the freed file opens as the empty database it is.
        Assert.Equal(0, (await third.OpenAsync(CancellationToken.None)).LastSubmissionId);
    }
}
