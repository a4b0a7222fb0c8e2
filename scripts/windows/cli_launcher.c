/* nanmu-desktop-cli.exe: the command-line name of nanmu-desktop.exe on Windows.
 *
 * Windows decides per executable file whether a program is a console or a window program, so
 * the windowed nanmu-desktop.exe (no console window behind the clerk's window) cannot print
 * into the console it was typed in. This small console program runs it with pipes for its
 * output, copies what arrives to its own stdout/stderr unchanged (console or redirection),
 * keeps it in a job that ends it when this launcher is ended (Ctrl+C), and returns its exit
 * status. The program and its 11 MB archive stay in the folder once. (Pipes rather than
 * handing over our own handles: a windowed Python accepts pipes everywhere, wine included.)
 * The text is UTF-8 (a run-time hook of the frozen program, scripts/windows/pyi_rth_utf8_stdio.py):
 * a console is switched to UTF-8 for the run, so Chinese shows on any Windows.
 * Built with mingw by scripts/build_installers.sh (x86_64-w64-mingw32-gcc -municode).
 */
#include <windows.h>
#include <wchar.h>

static void say(const wchar_t *text) {
    HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    DWORD mode, written;
    if (err == NULL || err == INVALID_HANDLE_VALUE) return;
    if (GetConsoleMode(err, &mode)) {
        WriteConsoleW(err, text, (DWORD)wcslen(text), &written, NULL);
    } else {
        char utf8[1024];
        int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, sizeof utf8, NULL, NULL);
        if (n > 1) WriteFile(err, utf8, (DWORD)(n - 1), &written, NULL);
    }
}

static const wchar_t *arguments_after_program(const wchar_t *line) {
    if (*line == L'"') {
        line++;
        while (*line && *line != L'"') line++;
        if (*line) line++;
    } else {
        while (*line && *line != L' ' && *line != L'\t') line++;
    }
    while (*line == L' ' || *line == L'\t') line++;
    return line;
}

typedef struct { HANDLE from; HANDLE to; } Relay;

static DWORD WINAPI relay(LPVOID param) {  /* copy one pipe to one of our handles, as bytes */
    Relay *r = (Relay *)param;
    char buffer[8192];
    DWORD got, written;
    while (ReadFile(r->from, buffer, sizeof buffer, &got, NULL) && got > 0) {
        if (r->to != NULL && r->to != INVALID_HANDLE_VALUE)
            WriteFile(r->to, buffer, got, &written, NULL);
    }
    return 0;
}

/* A pipe whose write end the child inherits; the read end stays ours. */
static BOOL child_pipe(HANDLE *ours, HANDLE *theirs) {
    SECURITY_ATTRIBUTES inherit = {sizeof inherit, NULL, TRUE};
    if (!CreatePipe(ours, theirs, &inherit, 0)) return FALSE;
    return SetHandleInformation(*ours, HANDLE_FLAG_INHERIT, 0);
}

int wmain(void) {
    wchar_t program[32768];
    DWORD length = GetModuleFileNameW(NULL, program, 32000);
    wchar_t *slash = wcsrchr(program, L'\\');
    if (length == 0 || slash == NULL) {
        say(L"无法确定程序所在的文件夹。\n");
        return 2;
    }
    wcscpy(slash + 1, L"nanmu-desktop.exe");

    const wchar_t *rest = arguments_after_program(GetCommandLineW());
    size_t size = wcslen(program) + wcslen(rest) + 4;
    wchar_t *command = HeapAlloc(GetProcessHeap(), 0, size * sizeof(wchar_t));
    if (command == NULL) return 2;
    swprintf(command, size, L"\"%ls\" %ls", program, rest);

    UINT console_cp = GetConsoleOutputCP();
    if (console_cp != 0) SetConsoleOutputCP(CP_UTF8);

    HANDLE out_read, out_write, err_read, err_write;
    SECURITY_ATTRIBUTES inherit = {sizeof inherit, NULL, TRUE};
    HANDLE nothing = CreateFileW(L"NUL", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE,
                                 &inherit, OPEN_EXISTING, 0, NULL);
    if (!child_pipe(&out_read, &out_write) || !child_pipe(&err_read, &err_write)) {
        say(L"无法建立与 nanmu-desktop.exe 的输出管道。\n");
        return 2;
    }
    STARTUPINFOW startup = {0};
    startup.cb = sizeof startup;
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdInput = nothing;  /* no subcommand reads the keyboard */
    startup.hStdOutput = out_write;
    startup.hStdError = err_write;

    HANDLE job = CreateJobObjectW(NULL, NULL);
    if (job != NULL) {
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits = {0};
        limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof limits);
    }
    PROCESS_INFORMATION child;
    if (!CreateProcessW(program, command, NULL, NULL, TRUE, CREATE_SUSPENDED, NULL, NULL,
                        &startup, &child)) {
        say(L"无法启动 nanmu-desktop.exe（程序文件缺失或被拦截），请重新安装。\n");
        return 2;
    }
    if (job != NULL) AssignProcessToJobObject(job, child.hProcess);
    CloseHandle(out_write);  /* the child holds the only write ends: EOF when it ends */
    CloseHandle(err_write);
    Relay relays[2] = {{out_read, GetStdHandle(STD_OUTPUT_HANDLE)},
                       {err_read, GetStdHandle(STD_ERROR_HANDLE)}};
    HANDLE threads[2] = {CreateThread(NULL, 0, relay, &relays[0], 0, NULL),
                         CreateThread(NULL, 0, relay, &relays[1], 0, NULL)};
    ResumeThread(child.hThread);
    WaitForSingleObject(child.hProcess, INFINITE);
    WaitForMultipleObjects(2, threads, TRUE, 5000);  /* the last bytes in the pipes */
    DWORD status = 2;
    GetExitCodeProcess(child.hProcess, &status);
    if (console_cp != 0) SetConsoleOutputCP(console_cp);
    return (int)status;
}
