// The streaming CSV reader (contract section 8: RFC 4180, CRLF or LF, optional BOM).
#include "csv_reader.hpp"
#include "messages.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

// Rows as text: "line: field|field|..." plus " !error" when the row cannot be read.
std::string rows_of(const std::vector<std::string_view>& chunks) {
    saas::CsvReader reader;
    std::string out;
    auto on_row = [&](const saas::CsvRow& row) {
        out += std::to_string(row.line) + ":";
        for (std::size_t i = 0; i < row.fields.size(); ++i) out += (i ? "|" : " ") + std::string(row.fields[i]);
        if (row.error != saas::CsvError::none) out += " !" + saas::msg::csv_error(row.error).text;
        out += "\n";
    };
    for (std::string_view chunk : chunks) saas::feed(reader, chunk, on_row);
    saas::finish(reader, on_row);
    return out;
}

std::string rows_of(std::string_view whole) { return rows_of(std::vector<std::string_view>{whole}); }

} // namespace

TEST_CASE("plain rows give their fields and the line each starts on") {
    CHECK(rows_of("a,b,c\n1,2,3\n") == "1: a|b|c\n2: 1|2|3\n");
    CHECK(rows_of("a,b\n1,2") == "1: a|b\n2: 1|2\n"); // no final line break
    CHECK(rows_of("a,,\n") == "1: a||\n");            // empty fields count
}

TEST_CASE("quoted fields hold commas, escaped quotes and line breaks") {
    CHECK(rows_of("id,note\n1,\"Acme, Inc.\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,x\n") ==
          "1: id|note\n2: 1|Acme, Inc.\n3: 2|say \"hi\"\n4: 3|two\nlines\n6: 4|x\n");
    CHECK(rows_of("\"\"\n") == "1: \n");
}

TEST_CASE("CRLF and LF end rows alike; a CRLF inside quotes is kept and counts one line") {
    CHECK(rows_of("a,b\r\n1,2\r\n3,\"x\r\ny\"\r\n5,6\r\n") == "1: a|b\n2: 1|2\n3: 3|x\r\ny\n5: 5|6\n");
    CHECK(rows_of("a\r1\r") == "1: a\n2: 1\n"); // lone CR (old Macs)
}

TEST_CASE("blank lines are no rows but still count as lines") {
    CHECK(rows_of("a\n\n\r\n1\n\n") == "1: a\n4: 1\n");
}

TEST_CASE("a UTF-8 BOM at the start is dropped, anywhere else kept") {
    CHECK(rows_of("\xEF\xBB\xBF" "a,b\n1,\xEF\xBB\xBF\n") == "1: a|b\n2: 1|\xEF\xBB\xBF\n");
    CHECK(rows_of(std::vector<std::string_view>{"\xEF", "\xBB", "\xBF" "a\n"}) == "1: a\n");
    CHECK(rows_of(std::vector<std::string_view>{"\xEF\xBB", "x\n"}) == "1: \xEF\xBBx\n"); // not a BOM
    CHECK(rows_of("\xEF") == "1: \xEF\n");
}

TEST_CASE("malformed quoting makes a bad row, and the next row is read as usual") {
    CHECK(rows_of("a\"b,c\n1,2\n") == "1: a\"b|c !a quote inside a field that does not start with one\n2: 1|2\n");
    CHECK(rows_of("\"a\"b,c\n1\n") == "1: ab|c !text after a quoted field's closing quote\n2: 1\n");
    CHECK(rows_of("a\n\"open,1\n2\n") == "1: a\n2: open,1\n2\n !a quoted field is not closed before the end of the file\n");
}

TEST_CASE("a row longer than 1 MiB is one bad row; the reader keeps no more than that") {
    std::string huge = "a,b\n" + std::string(3 << 20, 'x') + ",y\n1,2\n";
    saas::CsvReader reader;
    std::vector<std::string> seen;
    auto on_row = [&](const saas::CsvRow& row) {
        seen.push_back(std::to_string(row.line) + " " + std::to_string(row.fields.size()) + " " +
                       (row.error == saas::CsvError::none ? "" : saas::msg::csv_error(row.error).text));
    };
    for (std::size_t at = 0; at < huge.size(); at += 65536)
        saas::feed(reader, std::string_view(huge).substr(at, 65536), on_row);
    saas::finish(reader, on_row);
    CHECK(seen == std::vector<std::string>{"1 2 ", "2 0 the row is longer than 1 MiB", "3 2 "});
    CHECK(reader.bytes.capacity() <= saas::max_row_bytes * 2);
}

TEST_CASE("chunks cut anywhere give the rows of one whole-file call") {
    // Every cut point, one and two cuts: inside quotes, inside a CRLF, inside a UTF-8
    // character, inside the BOM and at an escaped quote.
    const std::string text = "\xEF\xBB\xBF" "id,\"na,me\"\r\n1,\"a \"\"q\"\" \r\nb\"\r\n\r\n2,caf\xC3\xA9\n3,\"\"\n";
    const std::string whole = rows_of(text);
    CHECK(whole == "1: id|na,me\n2: 1|a \"q\" \r\nb\n5: 2|caf\xC3\xA9\n6: 3|\n");
    const std::string_view t = text;
    for (std::size_t i = 0; i <= t.size(); ++i) {
        CHECK(rows_of({t.substr(0, i), t.substr(i)}) == whole);
        for (std::size_t j = i; j <= t.size(); ++j)
            REQUIRE(rows_of({t.substr(0, i), t.substr(i, j - i), t.substr(j)}) == whole);
    }
    std::vector<std::string_view> bytes;
    for (std::size_t i = 0; i < t.size(); ++i) bytes.push_back(t.substr(i, 1));
    CHECK(rows_of(bytes) == whole);
}

TEST_CASE("rows longer than a 64-byte block read alike in any chunks, around a row the fast path leaves") {
    // The fast path reads 64-byte blocks: here rows and a quoted field cross blocks' ends,
    // and rows it leaves to the state machine (an escaped quote, a line break in quotes)
    // sit between rows it reads.
    const std::string text = std::string("id,name,note\r\n") +
                             "1,\"Rossi, Noor\",a field long enough that this row spans more than one block of 64 bytes\r\n" +
                             "2,\"say \"\"hi\"\"\",an escaped quote sends this row to the byte-at-a-time reader\r\n" +
                             "\r\n" + "3,\"" + std::string(70, 'q') + "\",quoted across a block's end\r\n" +
                             "4,,\"two\r\nlines\",\"x\"\r\n" + "5,plain," + std::string(60, 'p') + "\r\n";
    const std::string whole = rows_of(text);
    CHECK(whole == "1: id|name|note\n"
                   "2: 1|Rossi, Noor|a field long enough that this row spans more than one block of 64 bytes\n"
                   "3: 2|say \"hi\"|an escaped quote sends this row to the byte-at-a-time reader\n"
                   "5: 3|" + std::string(70, 'q') + "|quoted across a block's end\n"
                   "6: 4||two\r\nlines|x\n"
                   "8: 5|plain|" + std::string(60, 'p') + "\n");
    const std::string_view t = text;
    for (std::size_t i = 0; i <= t.size(); ++i) REQUIRE(rows_of({t.substr(0, i), t.substr(i)}) == whole);
    for (std::size_t size = 1; size <= 130; ++size) {
        std::vector<std::string_view> chunks;
        for (std::size_t at = 0; at < t.size(); at += size) chunks.push_back(t.substr(at, size));
        REQUIRE(rows_of(chunks) == whole);
    }
}

TEST_CASE("an empty input gives no row") {
    CHECK(rows_of("") == "");
    CHECK(rows_of("\n\r\n") == "");
}
