using System.Buffers.Binary;
using System.Text;

namespace LittleRedDot.Content.Tests.TestSupport;

/// <summary>
/// Writes a minimal binary .xls workbook without a spreadsheet library, so the importer's .xls path is tested on a
/// file the test makes: BIFF8 records (MS-XLS: BOF, CODEPAGE, BOUNDSHEET8, DIMENSIONS, NUMBER, LABEL, EOF) in a
/// "Workbook" stream of an OLE2 compound file (MS-CFB version 3: one FAT sector, one directory sector, the stream
/// padded past the 4096-byte mini-stream cutoff). A cell is a double, a string or null; one sheet.
/// </summary>
public static class XlsBuilder
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint NoStream = 0xFFFFFFFF;

    public static byte[] Build(string sheetName, IReadOnlyList<(int Row, object?[] Cells)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var stream = Workbook(sheetName, rows);
        var sectors = (Math.Max(stream.Length, 4096) + 511) / 512;
        var file = new byte[512 * (3 + sectors)];
        var header = file.AsSpan(0, 512);
        ReadOnlySpan<byte> signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(header);
        U16(header, 24, 0x003E);
        U16(header, 26, 0x0003);
        U16(header, 28, 0xFFFE);
        U16(header, 30, 9); // 512-byte sectors
        U16(header, 32, 6); // 64-byte mini sectors
        U32(header, 44, 1); // FAT sectors
        U32(header, 48, 1); // the directory is sector 1
        U32(header, 56, 4096); // mini-stream cutoff
        U32(header, 60, EndOfChain); // no mini FAT
        U32(header, 68, EndOfChain); // no DIFAT sectors
        U32(header, 76, 0); // the FAT is sector 0
        for (var i = 1; i < 109; i++)
        {
            U32(header, 76 + (4 * i), FreeSector);
        }

        // Sector n starts at 512·(n + 1). FAT: sector 0 is the FAT, 1 the directory, 2… the Workbook stream.
        var fat = file.AsSpan(512, 512);
        for (var i = 0; i < 128; i++)
        {
            U32(fat, 4 * i, FreeSector);
        }

        U32(fat, 0, FatSector);
        U32(fat, 4, EndOfChain);
        for (var s = 0; s < sectors; s++)
        {
            U32(fat, 4 * (2 + s), s == sectors - 1 ? EndOfChain : (uint)(3 + s));
        }

        var directory = file.AsSpan(1024, 512);
        Entry(directory[..128], "Root Entry", type: 5, child: 1, start: EndOfChain, size: 0);
        Entry(directory[128..256], "Workbook", type: 2, child: NoStream, start: 2, size: (uint)Math.Max(stream.Length, 4096));
        for (var e = 2; e < 4; e++)
        {
            U32(directory, (128 * e) + 68, NoStream);
            U32(directory, (128 * e) + 72, NoStream);
            U32(directory, (128 * e) + 76, NoStream);
        }

        stream.CopyTo(file, 1536);
        return file;
    }

    private static void Entry(Span<byte> entry, string name, byte type, uint child, uint start, uint size)
    {
        Encoding.Unicode.GetBytes(name).CopyTo(entry);
        U16(entry, 64, (ushort)((name.Length + 1) * 2));
        entry[66] = type;
        entry[67] = 1; // black
        U32(entry, 68, NoStream);
        U32(entry, 72, NoStream);
        U32(entry, 76, child);
        U32(entry, 116, start);
        U32(entry, 120, size);
    }

    private static byte[] Workbook(string sheetName, IReadOnlyList<(int Row, object?[] Cells)> rows)
    {
        using var globals = new MemoryStream();
        Record(globals, 0x0809, Bof(0x0005));
        Record(globals, 0x0042, [0xB0, 0x04]); // CODEPAGE 1200: UTF-16
        var name = Encoding.Latin1.GetBytes(sheetName);
        var boundSheet = new byte[8 + name.Length];
        boundSheet[6] = (byte)name.Length;
        name.CopyTo(boundSheet, 8);
        var boundSheetAt = globals.Length;
        Record(globals, 0x0085, boundSheet);
        Record(globals, 0x000A, []);

        using var sheet = new MemoryStream();
        Record(sheet, 0x0809, Bof(0x0010));
        var dimensions = new byte[14];
        U32(dimensions, 4, (uint)(rows.Count == 0 ? 0 : rows.Max(r => r.Row)));
        U16(dimensions, 10, (ushort)(rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Length)));
        Record(sheet, 0x0200, dimensions);
        foreach (var (row, cells) in rows)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = new List<byte>();
                cell.AddRange(BitConverter.GetBytes((ushort)(row - 1)));
                cell.AddRange(BitConverter.GetBytes((ushort)c));
                cell.AddRange(BitConverter.GetBytes((ushort)0)); // XF index
                switch (cells[c])
                {
                    case double d:
                        cell.AddRange(BitConverter.GetBytes(d));
                        Record(sheet, 0x0203, [.. cell]);
                        break;
                    case string s:
                        cell.AddRange(BitConverter.GetBytes((ushort)s.Length));
                        cell.Add(1); // UTF-16 characters
                        cell.AddRange(Encoding.Unicode.GetBytes(s));
                        Record(sheet, 0x0204, [.. cell]);
                        break;
                }
            }
        }

        Record(sheet, 0x000A, []);
        var bytes = globals.ToArray().Concat(sheet.ToArray()).ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)boundSheetAt + 4), (uint)globals.Length); // the sheet's BOF
        return bytes;
    }

    private static byte[] Bof(ushort kind)
    {
        var bof = new byte[16];
        U16(bof, 0, 0x0600); // BIFF8
        U16(bof, 2, kind);
        U16(bof, 4, 0x0DBB);
        U16(bof, 6, 0x07CC);
        U32(bof, 12, 0x00000006);
        return bof;
    }

    private static void Record(Stream stream, ushort type, byte[] data)
    {
        Span<byte> head = stackalloc byte[4];
        U16(head, 0, type);
        U16(head, 2, (ushort)data.Length);
        stream.Write(head);
        stream.Write(data);
    }

    private static void U16(Span<byte> span, int at, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(span[at..], value);

    private static void U32(Span<byte> span, int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(span[at..], value);
}
