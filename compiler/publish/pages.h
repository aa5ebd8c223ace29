// The body of each kind of page, written from the page's data (site_data.h)
// so that the HTML shows exactly what the data block holds. Every text from
// a user's file goes through Escape.
#pragma once

#include <string>

#include "compiler/publish/site_data.h"

namespace concord::publish {

std::string IndexBody(const Json& data);
std::string CharterBody(const Json& data);
std::string TreatyBody(const Json& data);
std::string RunBody(const Json& data);

// Helpers the page writers share.
// A JSON string as escaped text, or `fallback` when it is null.
std::string Text(const Json& value, const std::string& fallback = "");
// `<pre><code>` of a clause as written, or nothing when it is null.
std::string AsWrittenBlock(const Json& value);
// "name" or "name — title".
std::string NameAndTitle(const Json& item);

}  // namespace concord::publish
