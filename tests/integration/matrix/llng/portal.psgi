# Stand-alone LemonLDAP::NG portal for the tests (no web server, no FastCGI):
#   plackup -s HTTP::Server::PSGI --host 127.0.0.1 --port P portal.psgi
# Needs LLNG_DEFAULTCONFFILE pointing at the generated lemonldap-ng.ini. CHINWAG_LLNG_USERS adds
# accounts (comma-separated uids) to the Demo user database, whose password is the uid itself, so
# each test can have people of its own.
use strict;
use Plack::Builder;
use Plack::App::File;
use Lemonldap::NG::Portal::UserDB::Demo;
use Lemonldap::NG::Portal::Main;

for my $uid ( grep { length } split /,/, ( $ENV{CHINWAG_LLNG_USERS} || '' ) ) {
    $Lemonldap::NG::Portal::UserDB::Demo::demoAccounts{$uid} =
      { uid => $uid, cn => "Test person $uid", mail => "$uid\@example.org" };
}

my $portal = Lemonldap::NG::Portal::Main->run( {} );
builder {
    mount '/static' => Plack::App::File->new(
        root => '/usr/share/lemonldap-ng/portal/htdocs/static' )->to_app;
    mount '/' => $portal;
};
