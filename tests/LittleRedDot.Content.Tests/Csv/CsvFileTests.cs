using System.IO.Abstractions;
using System.Text.Json.Nodes;
using LittleRedDot.Content.Tests.TestSupport;

namespace LittleRedDot.Content.Tests.Csv;

/// <summary>
/// CSV data loaded through a level file on the real file system (RULES.md §6): the containment root,
/// symbolic links, and the size limit that refuses a huge file before reading it.
/// </summary>
public sealed class CsvFileTests : IDisposable
{
    private const string Cars = "name,horsepower,miles_per_gallon\n\"ford torino, gt\",140,17\nb,150,15\nc,90,28\n";
    private readonly TempFolder temp = new();

    public CsvFileTests()
    {
        temp.Write("levels/data/cars.csv", Cars);
        temp.Write("outside/secret.csv", Cars);
        Directory.CreateDirectory(temp.Combine("levels", "pack"));
        Root = temp.Combine("levels");
    }

    private string Root { get; }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_csv_inside_the_root_loads()
    {
        var level = Load("levels/pack/t.level.json", "../data/cars.csv");
        Assert.Equal([140, 150, 90], level.Level.Data.X.ToArray());
    }

    [Fact]
    public void Dot_dot_out_of_the_root_is_refused()
    {
        var e = LoadFails("levels/pack/t.level.json", "../../outside/secret.csv");
        Assert.Contains("leads out of", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_dot_that_stays_inside_is_fine()
    {
        var level = Load("levels/pack/t.level.json", "../pack/../data/./cars.csv");
        Assert.Equal(3, level.Level.Data.Count);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("\\etc\\passwd")]
    [InlineData("C:\\data\\cars.csv")]
    public void An_absolute_path_is_refused(string path)
    {
        var e = LoadFails("levels/pack/t.level.json", path);
        Assert.Contains("absolute path", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_absolute_path_of_a_file_inside_the_root_is_still_refused()
    {
        var e = LoadFails("levels/pack/t.level.json", temp.Combine("levels", "data", "cars.csv"));
        Assert.Contains("absolute path", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_out_of_the_root_is_refused()
    {
        File.CreateSymbolicLink(temp.Combine("levels", "pack", "link.csv"), temp.Combine("outside", "secret.csv"));
        var e = LoadFails("levels/pack/t.level.json", "link.csv");
        Assert.Contains("symbolic link", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_symbolic_link_out_of_the_root_is_refused()
    {
        File.CreateSymbolicLink(temp.Combine("levels", "pack", "link.csv"), "../../outside/secret.csv");
        var e = LoadFails("levels/pack/t.level.json", "link.csv");
        Assert.Contains("symbolic link", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_linked_folder_out_of_the_root_is_refused()
    {
        Directory.CreateSymbolicLink(temp.Combine("levels", "pack", "more"), temp.Combine("outside"));
        var e = LoadFails("levels/pack/t.level.json", "more/secret.csv");
        Assert.Contains("symbolic link", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_that_stays_inside_is_fine()
    {
        File.CreateSymbolicLink(temp.Combine("levels", "pack", "link.csv"), temp.Combine("levels", "data", "cars.csv"));
        var level = Load("levels/pack/t.level.json", "link.csv");
        Assert.Equal(3, level.Level.Data.Count);
    }

    [Fact]
    public void A_level_outside_the_root_uses_its_own_folder_as_the_root()
    {
        temp.Write("elsewhere/data.csv", Cars);
        var level = Load("elsewhere/t.level.json", "data.csv");
        Assert.Equal(3, level.Level.Data.Count);

        // Its own folder is the root: even the levels root beside it is out of reach.
        var e = LoadFails("elsewhere/t.level.json", "../levels/data/cars.csv");
        Assert.Contains("leads out of", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../data/cars.csv\u0000")]
    [InlineData("../data/\u001b[2Jcars.csv")]
    public void A_path_with_a_control_character_is_refused(string csv)
    {
        var e = LoadFails("levels/pack/t.level.json", csv);
        Assert.Contains("control character", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_csv_names_the_level_file_and_the_csv()
    {
        var e = LoadFails("levels/pack/t.level.json", "../data/none.csv");
        Assert.Contains("none.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("file not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_error_names_the_csv_file_and_line()
    {
        temp.Write("levels/data/bad.csv", "name,horsepower,miles_per_gallon\na,1,2\nb,two,3\n");
        var path = WriteLevel("levels/pack/t.level.json", "../data/bad.csv");
        var e = Assert.Throws<ContentException>(() => new LevelLoader(new FileSystem(), Root).Load(path));
        var error = Assert.Single(e.Errors);
        Assert.Equal(temp.Combine("levels", "data", "bad.csv"), error.File);
        Assert.Equal("line 3", error.Location);
    }

    [Theory]
    [InlineData(CsvColumns.MaxBytes + 1)]
    [InlineData(2L * 1024 * 1024 * 1024)] // the 2 GB file of issue 8
    public void A_csv_over_256_MiB_is_refused_before_it_is_read(long size)
    {
        // A sparse file: SetLength makes it that large without writing the bytes.
        var big = temp.Combine("levels", "data", "big.csv");
        using (var stream = new FileStream(big, FileMode.Create, FileAccess.Write))
        {
            stream.SetLength(size);
        }

        var path = WriteLevel("levels/pack/t.level.json", "../data/big.csv");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ContentException>(() => new LevelLoader(new FileSystem(), Root).Load(path));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var error = Assert.Single(e.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal("$.data.csv", error.Location);
        Assert.Contains("at most 268,435,456 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 16 * 1024 * 1024, $"{allocated} bytes allocated: the file was read"); // not a timing assert: it was never read
    }

    [Theory]
    [InlineData(LevelLoader.MaxLevelFileBytes + 1)]
    [InlineData(1L << 30)] // the old bound, a gigabyte of JSON that took gigabytes to parse (issue 14, kind 4)
    public void A_level_file_over_256_MiB_is_refused_before_it_is_read_as_a_csv_is(long size)
    {
        // Oracle: one bound for both forms of data (LevelLoader.MaxLevelFileBytes = CsvColumns.MaxBytes = 256 MiB).
        Assert.Equal(CsvColumns.MaxBytes, LevelLoader.MaxLevelFileBytes);
        var path = temp.Combine("levels", "pack", "big.level.json");
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
        {
            stream.SetLength(size); // sparse
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ContentException>(() => new LevelLoader(new FileSystem(), Root).ReadSpec(path));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var error = Assert.Single(e.Errors);
        Assert.Equal(path, error.File);
        Assert.Contains("at most 268,435,456 bytes are read", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 16 * 1024 * 1024, $"{allocated} bytes allocated: the file was read");
    }

    private LevelDefinition Load(string levelPath, string csv) =>
        new LevelLoader(new FileSystem(), Root).Load(WriteLevel(levelPath, csv));

    private LocatedError LoadFails(string levelPath, string csv)
    {
        var path = WriteLevel(levelPath, csv);
        var e = Assert.Throws<ContentException>(() => new LevelLoader(new FileSystem(), Root).Load(path));
        var error = Assert.Single(e.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal("$.data.csv", error.Location);
        return error;
    }

    private string WriteLevel(string relative, string csv) =>
        temp.Write(relative, LevelJson.Bytes(LevelJson.WithCsv(csv, "horsepower", "miles_per_gallon", new JsonObject())));
}
