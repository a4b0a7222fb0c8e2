"""The 待办 screen (三色督办): the start page, its reminder and its printable 督办单."""
