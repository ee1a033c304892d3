using LittleRedDot.Server.Tests.Support;

namespace LittleRedDot.Server.Tests.Contract;

/// <summary>The contract on a real SQLite file (the default store).</summary>
public sealed class SqliteRoomContractTests : RoomContractTests
{
    protected override TestDatabase CreateDatabase(TestPack pack) => new SqliteDatabase(pack);
}
