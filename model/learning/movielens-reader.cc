/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "movielens-reader.h"

#include "input-file.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace ns3
{

namespace
{

/** How the two MovieLens rating formats differ. */
struct RatingFormat
{
    char separator;          //!< field separator
    std::string description; //!< what a line must hold, for error messages
    std::string header;      //!< required first line, empty when there is none
};

/** \return text parsed as a T when all of it is one number, with ok set accordingly */
template <typename T>
T
ParseField(const std::string& text, bool& ok)
{
    T value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    ok = ok && error == std::errc() && end == text.data() + text.size();
    return value;
}

/** \return the dense index of every raw id, ids numbered in ascending order */
std::vector<int64_t>
Densify(const std::vector<int64_t>& raw, std::vector<int64_t>& ids)
{
    ids = raw;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<int64_t> dense;
    dense.reserve(raw.size());
    for (auto id : raw)
    {
        dense.push_back(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
    }
    return dense;
}

RatingDataset
ReadRatings(const std::string& path, const RatingFormat& format)
{
    auto in = OpenInputFile(path, "MovieLens file");
    std::vector<int64_t> rawUsers;
    std::vector<int64_t> rawItems;
    RatingDataset data;
    std::string line;
    std::vector<std::string> fields;
    for (std::size_t number = 1; std::getline(in, line); ++number)
    {
        if (!line.empty() && line.back() == '\r')
        {
            line.pop_back(); // files saved with Windows line ends
        }
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
        {
            line.erase(0, 3); // a UTF-8 byte-order mark, as some editors save
        }
        const std::string where = path + " line " + std::to_string(number) + ": ";
        if (number == 1 && !format.header.empty())
        {
            if (line != format.header)
            {
                throw std::runtime_error(where + "expected the header '" + format.header +
                                         "', got '" + line +
                                         "'; pass the ratings.csv of a MovieLens 'latest' "
                                         "release");
            }
            continue;
        }
        if (line.empty())
        {
            continue;
        }
        fields.clear();
        std::size_t start = 0;
        for (std::size_t end; (end = line.find(format.separator, start)) != std::string::npos;
             start = end + 1)
        {
            fields.push_back(line.substr(start, end - start));
        }
        fields.push_back(line.substr(start));
        if (fields.size() != 4)
        {
            throw std::runtime_error(where + "expected " + format.description + ", got " +
                                     std::to_string(fields.size()) +
                                     "; the file is corrupt or in another format");
        }
        bool ok = true;
        const auto user = ParseField<int64_t>(fields[0], ok);
        const auto item = ParseField<int64_t>(fields[1], ok);
        const auto rating = ParseField<double>(fields[2], ok);
        ParseField<int64_t>(fields[3], ok); // the timestamp: checked, not used
        if (!ok)
        {
            throw std::runtime_error(where + "'" + line + "' is not " + format.description +
                                     " (integers, and a decimal rating); the file is corrupt");
        }
        if (!(rating >= 0.5 && rating <= 5.0))
        {
            throw std::runtime_error(where + "rating " + fields[2] +
                                     " is outside MovieLens's range [0.5, 5]; the file is "
                                     "corrupt");
        }
        rawUsers.push_back(user);
        rawItems.push_back(item);
        data.ratings.push_back(static_cast<float>(rating));
    }
    if (in.bad())
    {
        throw std::runtime_error("MovieLens: reading " + path + " failed");
    }
    if (data.ratings.empty())
    {
        throw std::runtime_error("MovieLens: " + path +
                                 " holds no ratings; pass a complete MovieLens file");
    }
    data.users = Densify(rawUsers, data.userIds);
    data.items = Densify(rawItems, data.itemIds);
    return data;
}

} // namespace

RatingDataset
ReadMovieLensCsv(const std::string& path)
{
    return ReadRatings(path,
                       {',',
                        "4 comma-separated fields userId,movieId,rating,timestamp",
                        "userId,movieId,rating,timestamp"});
}

RatingDataset
ReadMovieLens100k(const std::string& path)
{
    return ReadRatings(path, {'\t', "4 tab-separated fields user item rating timestamp", ""});
}

RatingDataset
LoadMovieLens(const std::string& directory)
{
    namespace fs = std::filesystem;
    std::error_code error;
    if (!fs::is_directory(directory, error))
    {
        throw std::runtime_error("MovieLens: directory '" + directory +
                                 "' does not exist; pass an unpacked MovieLens folder such as "
                                 "ml-latest-small (ratings.csv) or ml-100k (u.data) from "
                                 "https://grouplens.org/datasets/movielens/");
    }
    const auto csv = fs::path(directory) / "ratings.csv";
    if (fs::exists(csv, error))
    {
        return ReadMovieLensCsv(csv.string());
    }
    const auto data100k = fs::path(directory) / "u.data";
    if (fs::exists(data100k, error))
    {
        return ReadMovieLens100k(data100k.string());
    }
    throw std::runtime_error("MovieLens: '" + directory +
                             "' holds neither ratings.csv nor u.data; pass the unpacked "
                             "ml-latest-small or ml-100k folder");
}

} // namespace ns3
